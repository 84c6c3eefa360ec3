namespace Notices.Documents.Fonts;

/// <summary>Where <see cref="FontSet.Resolve"/> looks for faces.</summary>
/// <param name="FontFolder">A folder the user configured; searched first, with its
/// subfolders. Null when none is configured.</param>
/// <param name="SystemFolders">The system's font folders; null means the usual places
/// (see <see cref="DefaultSystemFolders"/>).</param>
public sealed record FontSearchOptions(
    string? FontFolder = null,
    IReadOnlyList<string>? SystemFolders = null)
{
    /// <summary>
    /// /usr/share/fonts, /usr/local/share/fonts, ~/.fonts, ~/.local/share/fonts and
    /// %WINDIR%\Fonts (with the per-user Windows font folder), those that exist.
    /// </summary>
    public static IReadOnlyList<string> DefaultSystemFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new List<string>
        {
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            Path.Combine(home, ".fonts"),
            Path.Combine(home, ".local", "share", "fonts"),
        };
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (!string.IsNullOrEmpty(windows))
        {
            candidates.Add(windows);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (OperatingSystem.IsWindows() && !string.IsNullOrEmpty(local))
        {
            candidates.Add(Path.Combine(local, "Microsoft", "Windows", "Fonts"));
        }

        return candidates.Where(Directory.Exists).Distinct().ToList();
    }
}
