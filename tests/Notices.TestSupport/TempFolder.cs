using Microsoft.Data.Sqlite;

namespace Notices.TestSupport;

/// <summary>A fresh folder under the system's temp folder for one test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Set to 1 to keep every test's files for a person to look at.</summary>
    public const string KeepVariable = "NOTICES_KEEP_TEST_FILES";

    /// <summary>Creates the folder.</summary>
    public TempFolder()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(), "notices-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside the folder; nothing is written.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// Writes <paramref name="content"/> as UTF-8 to <paramref name="name"/> in the folder and
    /// returns its path.
    /// </summary>
    public string File(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) == "1")
            return;

        // A pooled SQLite connection holds its file open; let go of them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process or a viewer may still hold a file; the system cleans its temp folder.
        }
    }
}
