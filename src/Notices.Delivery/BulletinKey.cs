namespace Notices.Delivery;

/// <summary>Which bulletin a message carries: one a year, kind and district.</summary>
/// <param name="Year">The scheme's year, e.g. 2021.</param>
/// <param name="Kind">half-year, q3 or annual.</param>
/// <param name="District">The district's id, e.g. shili.</param>
public sealed record BulletinKey(int Year, string Kind, string District)
{
    /// <summary>"2021/half-year/shili", as the outbox stores it.</summary>
    public override string ToString() => $"{Year}/{Kind}/{District}";

    /// <summary>Reads the stored form back.</summary>
    /// <exception cref="FormatException">The text is not year/kind/district.</exception>
    public static BulletinKey Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var year))
            throw new FormatException($"'{text}' is not a bulletin key; expected year/kind/district.");
        return new BulletinKey(year, parts[1], parts[2]);
    }
}
