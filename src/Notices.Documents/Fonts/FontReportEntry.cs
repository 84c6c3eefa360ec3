using Notices.Documents.Model;

namespace Notices.Documents.Fonts;

/// <summary>The face serving one role, as <c>notices check</c> prints it.</summary>
/// <param name="Role">The role.</param>
/// <param name="File">The font file.</param>
/// <param name="FaceIndex">The face's index inside a .ttc collection; 0 for a single font.</param>
/// <param name="IsCollection">True when the file is a .ttc collection.</param>
/// <param name="FamilyName">The family name that matched.</param>
/// <param name="Source">Where it was found.</param>
/// <param name="SimulatesBold">True when the face has no bold and bold is simulated.</param>
public sealed record FontReportEntry(
    FontRole Role,
    string File,
    int FaceIndex,
    bool IsCollection,
    string FamilyName,
    FontSource Source,
    bool SimulatesBold)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var face = IsCollection ? $"{File} (face {FaceIndex})" : File;
        var source = Source switch
        {
            FontSource.Configured => "configured folder",
            FontSource.System => "system",
            _ => "fallback",
        };
        return $"{Role}: {FamilyName} from {face}, {source}";
    }
}
