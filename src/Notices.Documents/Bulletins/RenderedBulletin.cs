using Notices.Documents.Model;

namespace Notices.Documents.Bulletins;

/// <summary>What <see cref="BulletinRenderer.Render"/> wrote.</summary>
/// <param name="Folder">output/&lt;year&gt;/&lt;kind&gt;/&lt;district id&gt;.</param>
/// <param name="Files">Role (docx, pdf, html, csv, json, manifest) to full path.</param>
/// <param name="Document">The document the DOCX and PDF were written from.</param>
public sealed record RenderedBulletin(
    string Folder,
    IReadOnlyDictionary<string, string> Files,
    OfficialDocument Document);
