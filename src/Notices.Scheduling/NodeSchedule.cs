using System.Globalization;
using Notices.Core;
using Notices.Core.Schemes;

namespace Notices.Scheduling;

/// <summary>
/// The nodes of the scheme's year, per district, each with the instant it fires: every item
/// node and quarter end (<see cref="Scheme.NodeDates"/>) and every bulletin node
/// (<see cref="Scheme.Bulletins"/>), at the configured time of day in the configured zone.
/// Pure: what is due at an instant is computed here, from the caller's clock.
/// </summary>
public sealed class NodeSchedule
{
    private readonly Dictionary<(DateOnly, string), ScheduledNode> byKey;

    private NodeSchedule(Scheme scheme, TimeOnly timeOfDay, TimeZoneInfo zone, IReadOnlyList<ScheduledNode> nodes)
    {
        Scheme = scheme;
        TimeOfDay = timeOfDay;
        Zone = zone;
        Nodes = nodes;
        byKey = nodes.ToDictionary(n => (n.Node, n.District));
    }

    /// <summary>The scheme the nodes come from.</summary>
    public Scheme Scheme { get; }

    /// <summary>The time of day every node fires.</summary>
    public TimeOnly TimeOfDay { get; }

    /// <summary>The zone <see cref="TimeOfDay"/> is read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Every node of every district, by fire time, then in the scheme's district order.</summary>
    public IReadOnlyList<ScheduledNode> Nodes { get; }

    /// <summary>Builds the year's schedule.</summary>
    /// <exception cref="ProblemException">The time of day or the zone cannot be read; the problem
    /// names the setting and what is accepted.</exception>
    public static NodeSchedule Build(Scheme scheme, ScheduleOptions options)
    {
        var problems = new List<Problem>();
        if (!TimeOnly.TryParseExact(options.TimeOfDay, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var timeOfDay))
        {
            problems.Add(new Problem("settings", 0, "Schedule:TimeOfDay",
                $"'{options.TimeOfDay}' is not a time of day; write it as HH:mm, e.g. 18:00."));
        }

        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            problems.Add(new Problem("settings", 0, "Schedule:TimeZone",
                $"'{options.TimeZone}' is not a known time zone; use an IANA name, e.g. Asia/Shanghai."));
        }

        if (problems.Count > 0 || zone is null)
            throw new ProblemException(problems);

        return Build(scheme, timeOfDay, zone);
    }

    /// <summary>Builds the year's schedule at <paramref name="timeOfDay"/> in <paramref name="zone"/>.</summary>
    public static NodeSchedule Build(Scheme scheme, TimeOnly timeOfDay, TimeZoneInfo zone)
    {
        // A bulletin date is a node even where no item falls due on it (06-25 and 09-25 are
        // both in the 2021 table, but a scheme need not put an item on its bulletin dates).
        var dates = new SortedSet<DateOnly>(scheme.NodeDates());
        foreach (var bulletin in scheme.Bulletins)
            dates.Add(bulletin.Date);

        var nodes = new List<ScheduledNode>();
        foreach (var date in dates)
        {
            var bulletin = scheme.Bulletins.FirstOrDefault(b => b.Date == date);
            var fireAt = FireTime(date, timeOfDay, zone);
            foreach (var district in scheme.Districts)
                nodes.Add(new ScheduledNode(date, district.Id, bulletin, fireAt));
        }

        return new NodeSchedule(scheme, timeOfDay, zone, nodes);
    }

    /// <summary>The node of <paramref name="district"/> on <paramref name="node"/>, if there is one.</summary>
    public ScheduledNode? Find(DateOnly node, string district) =>
        byKey.GetValueOrDefault((node, district));

    /// <summary>
    /// The nodes whose fire time is at or before <paramref name="instant"/>, in date order;
    /// only <paramref name="district"/>'s when it is given.
    /// </summary>
    public IEnumerable<ScheduledNode> DueBy(DateTimeOffset instant, string? district = null) =>
        Nodes.Where(n => n.FireAt <= instant && (district is null || n.District == district));

    /// <summary>The nodes whose fire time is after <paramref name="instant"/>, in date order.</summary>
    public IEnumerable<ScheduledNode> After(DateTimeOffset instant) => Nodes.Where(n => n.FireAt > instant);

    private static DateTimeOffset FireTime(DateOnly date, TimeOnly timeOfDay, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(timeOfDay, DateTimeKind.Unspecified);

        // A time skipped by a daylight-saving change fires an hour later, as a clock on the
        // wall would show it; Asia/Shanghai has had no such change since 1991.
        if (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
