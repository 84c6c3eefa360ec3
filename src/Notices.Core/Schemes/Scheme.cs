namespace Notices.Core.Schemes;

/// <summary>
/// One year's assessment scheme: what is scored, by which rules, and who is scored.
/// Loaded from the scheme file by <see cref="SchemeLoader"/>; immutable once loaded.
/// </summary>
public sealed class Scheme
{
    public Scheme(
        int year,
        string title,
        string authority,
        IReadOnlyList<Category> categories,
        IReadOnlyList<District> districts,
        IReadOnlyList<BulletinNode> bulletins,
        IReadOnlyList<string> notes)
    {
        Bulletins = bulletins;
        Year = year;
        Title = title;
        Authority = authority;
        Categories = categories;
        Districts = districts;
        Notes = notes;
        Items = categories.SelectMany(c => c.Items).ToList();
        Units = districts.SelectMany(d => d.Units).ToList();
        itemsById = Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        unitsByName = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in Units)
        {
            unitsByName.TryAdd(unit.Id, unit);
            unitsByName.TryAdd(unit.Name, unit);
        }
    }

    private readonly Dictionary<string, Item> itemsById;
    private readonly Dictionary<string, Unit> unitsByName;

    /// <summary>The assessment year; every node and every fact date lies in it.</summary>
    public int Year { get; }

    /// <summary>
    /// The table's title, e.g. 2021年度街道办事处（乡镇政府）居住小区管理工作考核表.
    /// </summary>
    public string Title { get; }

    /// <summary>The authority that issued the scheme, e.g. 市住房和城乡建设局.</summary>
    public string Authority { get; }

    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyList<District> Districts { get; }

    /// <summary>The nodes at which bulletins are issued, in date order.</summary>
    public IReadOnlyList<BulletinNode> Bulletins { get; }

    public BulletinNode? FindBulletin(string kind) => Bulletins.FirstOrDefault(b => b.Kind == kind);

    /// <summary>Every item of every category, in scheme order.</summary>
    public IReadOnlyList<Item> Items { get; }

    /// <summary>Every unit of every district, in scheme order.</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>How the source table was read where it is inconsistent.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The sum of all item maxima (100 for the 2021 table).</summary>
    public decimal Max => Categories.Sum(c => c.Max);

    public Item? FindItem(string id) => itemsById.GetValueOrDefault(id);

    /// <summary>Finds a unit by its short id (城关) or its full name (城关街道办事处).</summary>
    public Unit? FindUnit(string name) => unitsByName.GetValueOrDefault(name);

    public District? FindDistrict(string idOrName) =>
        Districts.FirstOrDefault(d => d.Id == idOrName || d.Name == idOrName);

    public District DistrictOf(Unit unit) => Districts.First(d => d.Units.Contains(unit));

    /// <summary>The dates of the year on which something falls due: item nodes and quarter ends.</summary>
    public IReadOnlyList<DateOnly> NodeDates()
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var item in Items)
        {
            foreach (var date in item.Node.Dates(Year))
                dates.Add(date);
        }
        return dates.ToList();
    }
}
