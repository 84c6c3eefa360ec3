namespace Notices.Cli.Tests;

/// <summary>Makes a test's folder look like a checkout to the program run in it.</summary>
internal static class TempFolderSettings
{
    /// <summary>
    /// Writes notices.json pointing at the repository's scheme and templates, so a command run
    /// in this folder finds them as it would in a checkout.
    /// </summary>
    public static TempFolder WithSettings(this TempFolder folder)
    {
        static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
        folder.File("notices.json", $$"""
            {
              "Scheme": "{{Json(Cli.Seed("scheme-2021.yaml"))}}",
              "Templates": "{{Json(Path.Combine(Cli.RepoRoot, "templates"))}}"
            }
            """);
        return folder;
    }
}
