namespace Notices.Documents.Model;

/// <summary>
/// How a role's font is named: the official name first, then names Word, WPS and
/// LibreOffice find on common systems (used as w:rFonts and font-family fallbacks).
/// </summary>
/// <param name="Role">The role.</param>
/// <param name="OfficialName">The name GB/T 9704 practice uses, e.g. 仿宋_GB2312.</param>
/// <param name="Fallbacks">Substitutes in order, e.g. 仿宋, FangSong, AR PL UMing CN.</param>
public sealed record FontSpec(FontRole Role, string OfficialName, IReadOnlyList<string> Fallbacks)
{
    /// <summary>The official name followed by the fallbacks.</summary>
    public IEnumerable<string> Names => Fallbacks.Prepend(OfficialName);
}
