using Notices.Documents.Model;

namespace Notices.Documents.Fonts;

/// <summary>
/// The family names that may serve each role, best first: the role's own class, then
/// stand-ins. Names are matched against every name a face's name table holds, Chinese ones
/// included, without regard to case or spaces.
/// </summary>
internal static class RoleNames
{
    // Song faces stand in for 小标宋 and 仿宋 when neither is installed (design.md, Fonts).
    private static readonly string[] SongStandIns =
    [
        "SimSun", "宋体", "NSimSun", "新宋体", "STSong", "华文宋体", "STZhongsong", "华文中宋",
        "AR PL UMing CN", "AR PL UMing TW", "AR PL UMing HK", "AR PL SungtiL GB",
        "Noto Serif CJK SC", "Source Han Serif SC", "思源宋体",
    ];

    public static IReadOnlyList<string> Preferred(FontRole role) => role switch
    {
        FontRole.Title =>
        [
            "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05",
            "方正小标宋", "小标宋", "华文中宋", "STZhongsong",
        ],
        FontRole.Body =>
        [
            "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "方正仿宋_GBK", "方正仿宋简体",
            "FZFangSong-Z02S", "华文仿宋", "STFangsong",
        ],
        FontRole.Hei =>
        [
            "黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "FZHei-B01S", "华文黑体", "STHeiti",
        ],
        _ =>
        [
            "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "方正楷体_GBK", "方正楷体简体",
            "FZKai-Z03S", "华文楷体", "STKaiti",
        ],
    };

    public static IReadOnlyList<string> StandIns(FontRole role) => role switch
    {
        FontRole.Title or FontRole.Body => SongStandIns,
        FontRole.Hei =>
        [
            "WenQuanYi Zen Hei", "文泉驿正黑", "文泉驛正黑", "Microsoft YaHei", "微软雅黑",
            "Noto Sans CJK SC", "Source Han Sans SC", "思源黑体",
        ],
        _ =>
        [
            "AR PL UKai CN", "AR PL UKai TW", "AR PL UKai HK", "AR PL KaitiM GB",
        ],
    };

    /// <summary>Compares names as people write them: case and spaces do not matter.</summary>
    public static string Normalise(string name) =>
        name.Replace(" ", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal)
            .ToUpperInvariant();
}
