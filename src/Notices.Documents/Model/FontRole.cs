namespace Notices.Documents.Model;

/// <summary>
/// The four typefaces an official document uses. Writers name the official font (see
/// <see cref="OfficialLayout.Fonts"/>); the PDF side resolves each role to a font file.
/// </summary>
public enum FontRole
{
    /// <summary>小标宋: title and issuer mark (方正小标宋简体; Song-class fallback).</summary>
    Title,

    /// <summary>仿宋: body text, numbers, 版记 (仿宋_GB2312; FangSong, then Song fallback).</summary>
    Body,

    /// <summary>黑体: first level headings and the 附件 label.</summary>
    Hei,

    /// <summary>楷体: second level headings (楷体_GB2312; KaiTi fallback).</summary>
    Kai,
}
