namespace Notices.Documents.Tests.Fonts;

/// <summary>A theory that runs only where the system fonts serve every role.</summary>
public sealed class FontTheoryAttribute : TheoryAttribute
{
    public FontTheoryAttribute()
    {
        if (!TestFonts.System.Report.IsComplete)
        {
            Skip = new FontFactAttribute().Skip;
        }
    }
}
