namespace Notices.Documents.Tests;

/// <summary>A fresh folder under the system temp folder, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "notices-docs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // NOTICES_KEEP_TEST_FILES=1 keeps the rendered files for a person to look at.
        if (Environment.GetEnvironmentVariable("NOTICES_KEEP_TEST_FILES") == "1")
            return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A viewer may still hold a file; the system cleans its temp folder.
        }
    }
}
