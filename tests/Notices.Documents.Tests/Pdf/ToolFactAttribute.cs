using Notices.Documents.Tests.Fonts;

namespace Notices.Documents.Tests.Pdf;

/// <summary>
/// A fact that needs the fonts and a command-line program; skipped, with the Debian
/// package that provides it, where the program is not on the PATH.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string program, string package)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
        if (!onPath)
        {
            Skip = $"{program} is not installed; install it: apt-get install -y {package}";
        }
        else if (new FontFactAttribute().Skip is { } fonts)
        {
            Skip = fonts;
        }
    }
}
