using System.Text.Json;
using Notices.Core.Schemes;
using Notices.Delivery.Bulletins;

namespace Notices.Delivery.Tests.Support;

/// <summary>A small scheme (one district, two street offices, one 抄送) and renderings of its bulletins.</summary>
public static class Samples
{
    public const string Title = "关于2021年上半年街道办事处居住小区管理工作考核情况的通报";
    public const string Number = "示政办发〔2021〕12号";

    public static string RepositoryTemplate => Repository.Path(Path.Combine("templates", "mail.txt"));

    public static Scheme Scheme(IReadOnlyList<Unit>? units = null)
    {
        var settings = new BulletinSettings(
            "示例区人民政府办公室",
            "示政办发",
            new Dictionary<string, int> { ["half-year"] = 12, ["q3"] = 20, ["annual"] = 31 },
            "示例区人民政府办公室",
            ["市住房和城乡建设局"],
            ["zjj@city.example"],
            "示例区人民政府办公室");
        var district = new District(
            "shili",
            "示例区",
            "示例区人民政府",
            ["gov@shili.example"],
            settings,
            units ??
            [
                new Unit("城关", "城关街道办事处", ["chengguan@shili.example"]),
                new Unit("东街", "东街街道办事处", ["dongjie@shili.example", "dongjie2@shili.example"]),
            ]);
        return new Scheme(
            2021,
            "2021年度街道办事处（乡镇政府）居住小区管理工作考核表",
            "市住房和城乡建设局",
            [],
            [district],
            [
                new BulletinNode("half-year", new DateOnly(2021, 6, 25), "上半年"),
                new BulletinNode("q3", new DateOnly(2021, 9, 25), "第三季度"),
                new BulletinNode("annual", new DateOnly(2021, 12, 25), "全年"),
            ],
            []);
    }

    /// <summary>Writes a rendering of the half-year bulletin as the renderer lays it out.</summary>
    public static string Render(
        string outputRoot, bool draft = false, int attachmentBytes = 4096, string kind = "half-year")
    {
        var folder = BulletinManifest.FolderOf(outputRoot, 2021, kind, "shili");
        Directory.CreateDirectory(folder);
        var bytes = new byte[attachmentBytes];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(folder, "bulletin.pdf"), [.. "%PDF-1.7\n"u8, .. bytes]);
        File.WriteAllBytes(Path.Combine(folder, "bulletin.docx"), [.. "PK\u0003\u0004"u8, .. bytes]);
        var manifest = new
        {
            kind,
            district = "shili",
            year = 2021,
            asOf = "2021-06-25",
            title = Title,
            number = Number,
            draft,
            files = new
            {
                docx = "bulletin.docx",
                pdf = "bulletin.pdf",
                html = "bulletin.html",
                csv = "scores.csv",
                json = "scores.json",
            },
        };
        File.WriteAllText(Path.Combine(folder, BulletinManifest.FileName), JsonSerializer.Serialize(manifest));
        return folder;
    }
}
