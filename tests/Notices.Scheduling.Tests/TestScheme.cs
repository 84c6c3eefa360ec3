using Notices.Core.Schemes;

namespace Notices.Scheduling.Tests;

/// <summary>
/// A small scheme with the 2021 table's node pattern: a quarterly item, items at 04-25,
/// 06-25 and 12-25, and the three bulletins (06-25, 09-25, 12-25), for two districts.
/// </summary>
internal static class TestScheme
{
    public static readonly DateOnly[] NodeDates =
    [
        new(2021, 3, 31), new(2021, 4, 25), new(2021, 6, 25), new(2021, 6, 30),
        new(2021, 9, 25), new(2021, 9, 30), new(2021, 12, 25), new(2021, 12, 31),
    ];

    public static Scheme Create(int districts = 2)
    {
        var items = new List<Item>
        {
            Item("1.1", Node.Quarterly),
            Item("5.1", Node.On(4, 25)),
            Item("5.2", Node.On(6, 25)),
            Item("6.1", Node.On(12, 25)),
        };
        var category = new Category(1, "测试", 40, items);
        var settings = new BulletinSettings("示例区人民政府办公室", "示政办发",
            new Dictionary<string, int> { ["half-year"] = 1, ["q3"] = 2, ["annual"] = 3 },
            "示例区人民政府", [], [], "示例区人民政府办公室");
        var all = new List<District>();
        for (var d = 0; d < districts; d++)
        {
            var id = d == 0 ? "shili" : $"d{d}";
            all.Add(new District(id, $"区{d}", $"区{d}人民政府", [$"gov@{id}.example"], settings,
                [new Unit($"{id}-a", $"{id}甲街道办事处", []),
                    new Unit($"{id}-b", $"{id}乙街道办事处", [])]));
        }

        BulletinNode[] bulletins =
        [
            new("half-year", new DateOnly(2021, 6, 25), "上半年"),
            new("q3", new DateOnly(2021, 9, 25), "第三季度"),
            new("annual", new DateOnly(2021, 12, 25), "全年"),
        ];
        return new Scheme(2021, "测试考核表", "市住房和城乡建设局", [category], all, bulletins, []);
    }

    private static Item Item(string id, Node node) =>
        new(id, 1, node, 10, "内容", "办法", [new SubmissionRule("submitted", "报送", 0.5m, 1m)], []);
}
