using Notices.Documents.Model;

namespace Notices.Documents.Writers;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as PDF. The bulletin renderer calls it once per
/// bulletin; implementations lay out pages from <see cref="OfficialDocument.Layout"/>, embed
/// the fonts they resolve and set the metadata. They must not close <paramref name="output"/>.
/// </summary>
public interface IPdfWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    /// <exception cref="Core.ProblemException">A font cannot be resolved or lacks a glyph.</exception>
    void Write(OfficialDocument document, Stream output);
}
