using Notices.Documents.Fonts;

namespace Notices.Documents.Tests.Fonts;

/// <summary>
/// A fact that runs only where the system fonts serve every role; elsewhere it is skipped
/// with the command that installs them.
/// </summary>
public sealed class FontFactAttribute : FactAttribute
{
    public FontFactAttribute()
    {
        if (!TestFonts.System.Report.IsComplete)
        {
            Skip = "Chinese fonts are missing (" + string.Join(", ", TestFonts.System.Report.MissingRoles)
                + "); install them: " + FontReport.DebianInstallCommand;
        }
    }
}
