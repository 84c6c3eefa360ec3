namespace Notices.Documents.Model;

/// <summary>A page's size and margins in millimetres.</summary>
/// <param name="WidthMm">Page width.</param>
/// <param name="HeightMm">Page height.</param>
/// <param name="TopMm">Top margin (天头).</param>
/// <param name="BottomMm">Bottom margin.</param>
/// <param name="LeftMm">Left margin (订口).</param>
/// <param name="RightMm">Right margin.</param>
public sealed record PageSetup(
    double WidthMm,
    double HeightMm,
    double TopMm,
    double BottomMm,
    double LeftMm,
    double RightMm)
{
    /// <summary>Points per millimetre (1 pt = 1/72 inch).</summary>
    public const double PointsPerMm = 72 / 25.4;

    /// <summary>The text block (版心) width.</summary>
    public double TextWidthMm => WidthMm - LeftMm - RightMm;

    /// <summary>The text block height.</summary>
    public double TextHeightMm => HeightMm - TopMm - BottomMm;

    /// <summary>True when wider than high.</summary>
    public bool IsLandscape => WidthMm > HeightMm;

    /// <summary>
    /// The same sheet turned a quarter: width and height swap, and the margins turn with it
    /// so the binding edge (left, 订口) becomes the top.
    /// </summary>
    public PageSetup Rotated() => new(HeightMm, WidthMm, LeftMm, RightMm, BottomMm, TopMm);

    /// <summary>Converts millimetres to points.</summary>
    public static double Points(double mm) => mm * PointsPerMm;
}
