using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Core.Storage;
using Notices.Delivery;
using Notices.Delivery.Bulletins;
using Notices.Documents.Bulletins;
using Notices.Documents.Pdf;

namespace Notices.Benchmarks;

/// <summary>
/// One bulletin node for the whole city, end to end, in a process of its own: load the
/// evidence from the store, score, render every district's bulletin (DOCX, PDF, posting)
/// spread over the cores, and queue its mail in the outbox (no SMTP: latency excluded).
/// </summary>
internal static class CityNodeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args[0];
        var kind = args.Length > 1 ? args[1] : "annual";
        var root = FindRoot();
        var scheme = SchemeLoader.Load(Path.Combine(folder, "city.yaml"));
        var database = Database.Sqlite(Path.Combine(folder, "city.db"));
        var node = scheme.FindBulletin(kind)!;
        var output = Path.Combine(folder, "output");
        var templates = Path.Combine(root, "templates");
        var total = Stopwatch.StartNew();

        var clock = Stopwatch.StartNew();
        var records = await new EvidenceStore(database, TimeProvider.System).LoadAsync();
        var loadMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var card = Scorer.Score(scheme, records, node.Date);
        var scoreMs = clock.Elapsed.TotalMilliseconds;
        records = null;

        // PdfWriter caches fonts and widths and is used by one thread at a time: one per worker.
        clock.Restart();
        var writers = new ConcurrentBag<BulletinRenderer>();
        var bytes = 0L;
        Parallel.ForEach(scheme.Districts,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, district =>
        {
            if (!writers.TryTake(out var renderer))
                renderer = new BulletinRenderer(new PdfWriter());
            var request = new BulletinRequest(
                scheme, district, card, BulletinInfo.For(scheme, district, node), templates,
                Draft: card.HasPending);
            var rendered = renderer.Render(request, output);
            Interlocked.Add(ref bytes, rendered.Files.Values.Sum(f => new FileInfo(f).Length));
            writers.Add(renderer);
        });
        var renderMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var outbox = new Outbox(database, TimeProvider.System);
        await outbox.EnsureAsync();
        var mailer = new BulletinMailer(
            outbox, MailTemplate.Load(Path.Combine(templates, "mail.txt")), output, "bench.local");
        var queued = 0;
        if (!card.HasPending)
        {
            foreach (var district in scheme.Districts)
                queued += (await mailer.QueueAsync(scheme, kind, district)).Count;
        }
        var queueMs = clock.Elapsed.TotalMilliseconds;

        Console.WriteLine($"  load from store            {loadMs,10:0} ms");
        Console.WriteLine($"  score ({card.Units.Count} units)          {scoreMs,10:0} ms");
        Console.WriteLine($"  render {scheme.Districts.Count} bulletins         {renderMs,10:0} ms  "
            + $"{scheme.Districts.Count / (renderMs / 1000),8:0.0} bulletins/s "
            + $"on {Environment.ProcessorCount} cores, {bytes / 1048576.0:0.0} MB written");
        Console.WriteLine($"  queue {queued} messages         {queueMs,10:0} ms"
            + $"{(card.HasPending ? " (pending items: drafts are not mailed)" : "")}");
        Console.WriteLine($"  node end to end            {total.Elapsed.TotalMilliseconds,10:0} ms");
        Console.WriteLine($"  node peak working set      "
            + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,10:0} MB");
        return 0;
    }

    internal static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Notices.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("run from inside the Notices repository");
    }
}
