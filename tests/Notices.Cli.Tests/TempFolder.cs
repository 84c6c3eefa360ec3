namespace Notices.Cli.Tests;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "notices-cli-" + Guid.NewGuid().ToString("N"));

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// Writes notices.json pointing at the repository's scheme and templates, so a command run
    /// in this folder finds them as it would in a checkout.
    /// </summary>
    public TempFolder WithSettings()
    {
        static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
        File("notices.json", $$"""
            {
              "Scheme": "{{Json(Cli.Seed("scheme-2021.yaml"))}}",
              "Templates": "{{Json(System.IO.Path.Combine(Cli.RepoRoot, "templates"))}}"
            }
            """);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold the SQLite file for a moment; the temp folder is cleaned later.
        }
    }
}
