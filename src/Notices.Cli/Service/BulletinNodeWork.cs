using System.Collections.Concurrent;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Core.Storage;
using Notices.Delivery;
using Notices.Documents.Bulletins;
using Notices.Documents.Fonts;
using Notices.Documents.Pdf;
using Notices.Scheduling;

namespace Notices.Cli.Service;

/// <summary>
/// The service's work at a node: a score snapshot at every node; at a bulletin node also the
/// district's bulletin rendered (DOCX, PDF, posting) and mailed through the outbox. Each step
/// is safe to repeat after a crash: files are replaced whole, and the outbox queues a
/// message once per bulletin and recipient.
/// </summary>
internal sealed class BulletinNodeWork : INodeWork
{
    private readonly Scheme scheme;
    private readonly NoticesSettings settings;
    private readonly ScoreSnapshotWork snapshots;
    private readonly FontSet fonts;
    private readonly ConcurrentBag<BulletinRenderer> renderers = [];
    private readonly BulletinDelivery delivery;
    private readonly TimeProvider time;

    public BulletinNodeWork(Scheme scheme, NoticesSettings settings, Database database, TimeProvider time)
    {
        this.scheme = scheme;
        this.settings = settings;
        this.time = time;
        snapshots = new ScoreSnapshotWork(scheme, database, time);

        // Fonts are resolved once for the service's life. Districts' nodes run side by side, and
        // a PDF writer serves one document at a time: each running node takes a renderer of its own.
        fonts = FontSet.Resolve(new FontSearchOptions(settings.Fonts));
        delivery = new BulletinDelivery(database, settings.Smtp, settings.Templates, settings.Output, time);
    }

    public async Task<NodeOutcome> RunAsync(NodeRun run, CancellationToken ct)
    {
        // A bulletin node's date is the bulletin's as-of date: the snapshot's scores are the bulletin's.
        var started = time.GetTimestamp();
        var card = await snapshots.SnapshotAsync(run, ct);
        var scored = time.GetElapsedTime(started);
        if (run.Bulletin is not { } bulletin)
            return NodeOutcome.Empty with { Steps = [new NodeStep("score", scored)] };

        var district = scheme.FindDistrict(run.District)!;

        // A final bulletin needs every judged score; the run fails (and is retried at the next
        // start) rather than issuing a bulletin the spec forbids.
        var request = new BulletinRequest(scheme, district, card, BulletinInfo.For(scheme, district, bulletin),
            Path.GetFullPath(settings.Templates));
        started = time.GetTimestamp();
        if (!renderers.TryTake(out var renderer))
            renderer = new BulletinRenderer(new PdfWriter(fonts, time));
        RenderedBulletin rendered;
        try
        {
            rendered = renderer.Render(request, Path.GetFullPath(settings.Output), ct);
        }
        finally
        {
            renderers.Add(renderer);
        }

        var rendering = time.GetElapsedTime(started);

        started = time.GetTimestamp();
        var messages = await delivery.DeliverAsync(scheme, bulletin.Kind, district, ct);
        var mailing = time.GetElapsedTime(started);
        return new NodeOutcome(
            rendered.Files.Values.ToList(),
            messages
                .Select(m => $"{m.Message.MessageId} {m.Message.Recipient} "
                    + $"{m.Outcome?.Result.ToString() ?? m.Message.State.ToString()}")
                .ToList())
        {
            Steps = [new NodeStep("score", scored), new NodeStep("render", rendering), new NodeStep("mail", mailing)],
        };
    }
}
