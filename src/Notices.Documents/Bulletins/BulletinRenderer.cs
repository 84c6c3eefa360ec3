using System.Globalization;
using System.Text;
using System.Text.Json;
using Notices.Core;
using Notices.Core.Scoring;
using Notices.Documents.Model;
using Notices.Documents.Posting;
using Notices.Documents.Templating;
using Notices.Documents.Writers;
using Notices.Documents.Writers.Docx;

namespace Notices.Documents.Bulletins;

/// <summary>
/// Renders one district's bulletin of one kind into
/// <c>&lt;output&gt;/&lt;year&gt;/&lt;kind&gt;/&lt;district id&gt;/</c>: <c>bulletin.docx</c>,
/// <c>bulletin.pdf</c> (when a PDF writer is given), the web posting <c>index.html</c>,
/// <c>scores.csv</c>, <c>scores.json</c> and last <c>manifest.json</c>, which the mail sender
/// reads. Each file is written under a temporary name in the same folder and renamed, so an
/// interrupted run never leaves half a file. A final bulletin is refused while items are
/// pending; a draft marks every page 征求意见稿.
/// </summary>
public sealed class BulletinRenderer
{
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IPdfWriter? pdf;
    private readonly BulletinComposer composer;
    private readonly PostingRenderer posting;
    private readonly DocxWriter docx = new();

    /// <summary>Creates a renderer.</summary>
    /// <param name="pdf">Writes the PDF; null to write no PDF.</param>
    /// <param name="limits">Template sandbox limits; defaults when null.</param>
    /// <param name="layout">Page layout; GB/T 9704 when null.</param>
    public BulletinRenderer(IPdfWriter? pdf, TemplateLimits? limits = null, OfficialLayout? layout = null)
    {
        this.pdf = pdf;
        composer = new BulletinComposer(limits, layout);
        posting = new PostingRenderer(limits);
    }

    /// <summary>Renders every file of one bulletin.</summary>
    /// <param name="request">What to render.</param>
    /// <param name="output">The output root (output/ by default).</param>
    /// <param name="cancellationToken">Stops between files and inside templates.</param>
    /// <exception cref="NoticesRefusedException">Items are pending and the render is not a draft.</exception>
    /// <exception cref="ProblemException">A template has errors or broke a limit.</exception>
    public RenderedBulletin Render(BulletinRequest request, string output,
        CancellationToken cancellationToken = default)
    {
        RefusePending(request);

        var folder = Path.Combine(output, request.Scheme.Year.ToString(CultureInfo.InvariantCulture),
            request.Info.Kind, request.District.Id);
        Directory.CreateDirectory(folder);
        RemoveLeftovers(folder);

        // Everything that can fail on the input runs before the first file is written.
        var document = composer.Compose(request, cancellationToken);
        var units = request.Scorecard.For(request.District);
        var html = posting.Render(request, cancellationToken);

        var files = new Dictionary<string, string>();
        files["docx"] = WriteAtomically(folder, "bulletin.docx", s => docx.Write(document, s));
        cancellationToken.ThrowIfCancellationRequested();
        if (pdf is not null)
        {
            files["pdf"] = WriteAtomically(folder, "bulletin.pdf", s => pdf.Write(document, s));
            cancellationToken.ThrowIfCancellationRequested();
        }
        files["html"] = WriteText(folder, "index.html", html, bom: false);
        files["csv"] = WriteText(folder, "scores.csv", ScoreExport.Csv(request.Scheme, units), bom: true);
        files["json"] = WriteText(folder, "scores.json",
            ScoreExport.JsonText(request.Scheme, request.District, request.Scorecard, request.Info), bom: false);

        var manifest = new
        {
            kind = request.Info.Kind,
            district = request.District.Id,
            year = request.Scheme.Year,
            asOf = request.Scorecard.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            title = document.Metadata.Title,
            number = request.Info.Number,
            draft = request.Draft,
            files = files.ToDictionary(f => f.Key, f => Path.GetFileName(f.Value)),
        };
        files["manifest"] = WriteText(folder, "manifest.json",
            JsonSerializer.Serialize(manifest, ManifestJson) + "\n", bom: false);

        return new RenderedBulletin(folder, files, document);
    }

    private static void RefusePending(BulletinRequest request)
    {
        if (request.Draft)
            return;
        var pending = request.Scorecard.For(request.District)
            .Select(u => (u.Unit.Name,
                Items: u.Items.Where(i => i.Status == ItemStatus.Pending).Select(i => i.Item.Id).ToList()))
            .Where(u => u.Items.Count > 0)
            .ToList();
        if (pending.Count == 0)
            return;

        var list = string.Join("; ", pending.Select(p => $"{p.Name}: {string.Join(", ", p.Items)}"));
        throw new NoticesRefusedException(
            $"The {request.Info.Kind} bulletin of {request.District.Name} cannot be issued as final: "
            + $"items are pending ({list}). Record the judged scores, or render a draft with --draft.");
    }

    private static string WriteText(string folder, string name, string text, bool bom) =>
        WriteAtomically(folder, name, s =>
        {
            var encoding = new UTF8Encoding(bom);
            s.Write(encoding.GetPreamble());
            s.Write(encoding.GetBytes(text));
        });

    /// <summary>
    /// Deletes temporary files a killed earlier run left in <paramref name="folder"/> (a kill
    /// skips the clean-up below). Only one run renders a folder at a time: the service claims
    /// the node first.
    /// </summary>
    private static void RemoveLeftovers(string folder)
    {
        foreach (var leftover in Directory.EnumerateFiles(folder, ".*.tmp"))
            File.Delete(leftover);
    }

    /// <summary>
    /// Writes to a hidden temporary file in the target folder, flushes it to disk and renames it
    /// over the target: a reader sees the old file or the new one, never half of one.
    /// </summary>
    internal static string WriteAtomically(string folder, string name, Action<Stream> write)
    {
        var target = Path.Combine(folder, name);
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
