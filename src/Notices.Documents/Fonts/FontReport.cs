using Notices.Documents.Model;

namespace Notices.Documents.Fonts;

/// <summary>
/// What font resolution found: the face serving each role, the roles no face could serve,
/// and faces passed over (CFF outlines PDFsharp cannot subset).
/// </summary>
/// <param name="Entries">One entry per resolved role, in role order.</param>
/// <param name="MissingRoles">Roles with no usable face.</param>
/// <param name="Notes">Faces that matched a role's names but were rejected, and why.</param>
public sealed record FontReport(
    IReadOnlyList<FontReportEntry> Entries,
    IReadOnlyList<FontRole> MissingRoles,
    IReadOnlyList<string> Notes)
{
    /// <summary>The command that installs the Debian fallback fonts.</summary>
    public const string DebianInstallCommand =
        "apt-get install -y fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei";

    /// <summary>True when every role has a face.</summary>
    public bool IsComplete => MissingRoles.Count == 0;

    /// <inheritdoc />
    public override string ToString()
    {
        var lines = Entries.Select(e => e.ToString()).ToList();
        lines.AddRange(MissingRoles.Select(r =>
            $"{r}: no font found; put one in the font folder or run: {DebianInstallCommand}"));
        lines.AddRange(Notes);
        return string.Join(Environment.NewLine, lines);
    }
}
