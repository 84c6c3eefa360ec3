using Notices.Core.Schemes;

namespace Notices.Delivery.Bulletins;

/// <summary>Who a district's bulletin goes to, read from the scheme.</summary>
public static class Recipients
{
    /// <summary>
    /// The district government's addresses, then every unit's, then the 抄送 addresses; each
    /// address once (the first role it appears in wins), blank addresses left out.
    /// </summary>
    public static IReadOnlyList<Recipient> Of(District district)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var recipients = new List<Recipient>();

        void Add(string address, string name, string unit)
        {
            var trimmed = address.Trim();
            if (trimmed.Length > 0 && seen.Add(trimmed))
                recipients.Add(new Recipient(trimmed, name, unit));
        }

        foreach (var address in district.Addresses)
            Add(address, district.Government, "");
        foreach (var unit in district.Units)
        {
            foreach (var address in unit.Addresses)
                Add(address, unit.Name, unit.Name);
        }

        // CopyTo names the 抄送 organisations and CopyAddresses their addresses, in the same
        // order; an address without a name of its own is greeted by the district's name.
        var copy = district.Bulletin;
        for (var i = 0; i < copy.CopyAddresses.Count; i++)
            Add(copy.CopyAddresses[i], i < copy.CopyTo.Count ? copy.CopyTo[i] : district.Name, "");

        return recipients;
    }
}
