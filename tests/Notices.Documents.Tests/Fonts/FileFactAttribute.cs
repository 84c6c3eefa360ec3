namespace Notices.Documents.Tests.Fonts;

/// <summary>A fact that runs only where a given file exists, and says which when skipped.</summary>
public sealed class FileFactAttribute : FactAttribute
{
    public FileFactAttribute(string path, string package)
    {
        if (!File.Exists(path))
        {
            Skip = $"{path} is missing; install it: apt-get install -y {package}";
        }
    }
}
