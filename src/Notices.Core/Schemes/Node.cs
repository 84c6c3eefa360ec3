namespace Notices.Core.Schemes;

/// <summary>
/// An item's 时间节点: a month and day of the scheme's year, or 每季度末 (every quarter's end).
/// </summary>
public sealed record Node
{
    private Node(int month, int day, bool quarterly)
    {
        Month = month;
        Day = day;
        IsQuarterly = quarterly;
    }

    /// <summary>每季度末: due from the first quarter's end (03-31), checked at every quarter end.</summary>
    public static Node Quarterly { get; } = new(3, 31, true);

    public static Node On(int month, int day) => new(month, day, false);

    public int Month { get; }

    public int Day { get; }

    public bool IsQuarterly { get; }

    /// <summary>The deadline in <paramref name="year"/>; for a quarterly item, the first quarter's end.</summary>
    public DateOnly FirstDue(int year) => new(year, Month, Day);

    /// <summary>Every date of <paramref name="year"/> on which this node falls.</summary>
    public IEnumerable<DateOnly> Dates(int year) => IsQuarterly
        ? [new(year, 3, 31), new(year, 6, 30), new(year, 9, 30), new(year, 12, 31)]
        : [new(year, Month, Day)];

    /// <summary>"05-10" or "quarterly", as the scheme file writes it.</summary>
    public override string ToString() => IsQuarterly ? "quarterly" : $"{Month:00}-{Day:00}";

    /// <summary>How the seed's 时间节点 column writes it: "5.10" or "每季度末".</summary>
    public string ToChinese() => IsQuarterly ? "每季度末" : $"{Month}.{Day}";
}
