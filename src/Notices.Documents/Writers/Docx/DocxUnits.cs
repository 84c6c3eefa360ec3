using Notices.Documents.Model;

namespace Notices.Documents.Writers.Docx;

/// <summary>WordprocessingML measures: twips (1/20 pt), half-points, eighths of a point.</summary>
internal static class DocxUnits
{
    public static int TwipsFromMm(double mm) => (int)Math.Round(PageSetup.Points(mm) * 20);

    public static int TwipsFromPt(double pt) => (int)Math.Round(pt * 20);

    public static string HalfPoints(double pt) => Text((int)Math.Round(pt * 2));

    /// <summary>An integer measure as the XML attribute text.</summary>
    public static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Border widths are eighths of a point (w:sz on w:bdr).</summary>
    public static uint EighthsFromMm(double mm) => (uint)Math.Max(2, Math.Round(PageSetup.Points(mm) * 8));

    public static uint EighthsFromPt(double pt) => (uint)Math.Max(2, Math.Round(pt * 8));
}
