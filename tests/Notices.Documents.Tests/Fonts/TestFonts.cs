using Notices.Documents.Fonts;

namespace Notices.Documents.Tests.Fonts;

/// <summary>Fonts shared by the tests: the system's, resolved once.</summary>
internal static class TestFonts
{
    private static readonly Lazy<FontSet> Resolved = new(() => FontSet.Resolve());

    public static FontSet System => Resolved.Value;

    public const string UmingPath = "/usr/share/fonts/truetype/arphic/uming.ttc";
    public const string ZenHeiPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
}
