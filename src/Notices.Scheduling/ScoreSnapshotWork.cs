using System.Data.Common;
using System.Globalization;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Core.Storage;

namespace Notices.Scheduling;

/// <summary>
/// The plainest node work: scores the district at the node date from the evidence store and
/// stores the scorecard as a snapshot (the score_snapshots table, JSON in the spec's shape).
/// Renders and mails nothing; the full work (render, send at bulletin nodes) replaces it.
/// </summary>
public sealed class ScoreSnapshotWork : INodeWork
{
    private readonly Scheme scheme;
    private readonly Database database;
    private readonly EvidenceStore evidence;
    private readonly TimeProvider time;
    private bool created;

    /// <summary>Scores <paramref name="scheme"/> from the evidence in <paramref name="database"/>.</summary>
    public ScoreSnapshotWork(Scheme scheme, Database database, TimeProvider time)
    {
        this.scheme = scheme;
        this.database = database;
        this.time = time;
        evidence = new EvidenceStore(database, time);
    }

    /// <inheritdoc />
    public async Task<NodeOutcome> RunAsync(NodeRun run, CancellationToken ct)
    {
        await SnapshotAsync(run, ct);
        return NodeOutcome.Empty;
    }

    /// <summary>
    /// Scores the district's units at the node from their evidence alone (not the whole
    /// city's), stores the scorecard as a snapshot and returns it, so that work at a bulletin
    /// node renders from the same scores without loading the evidence again.
    /// </summary>
    public async Task<Scorecard> SnapshotAsync(NodeRun run, CancellationToken ct)
    {
        var district = scheme.FindDistrict(run.District)
            ?? throw new InvalidOperationException(
                $"District '{run.District}' is not in the scheme of {scheme.Year}; "
                + "the job store was made from another scheme.");

        await EnsureCreatedAsync(ct);
        var records = await evidence.LoadAsync(district.Units.Select(u => u.Id).ToList(), run.Node, ct);
        var card = Scorer.Score(scheme, records, run.Node, district);

        await using var connection = await database.OpenAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO score_snapshots (node, district, taken, available, scorecard)
            VALUES (@node, @district, @taken, @available, @scorecard)
            """;
        Add(insert, "node", run.Node.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(insert, "district", district.Id);
        Add(insert, "taken", time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(insert, "available", card.Available.ToString(CultureInfo.InvariantCulture));
        Add(insert, "scorecard", ScorecardJson.ToJson(card, indented: false));
        await insert.ExecuteNonQueryAsync(ct);
        return card;
    }

    /// <summary>How many snapshots are stored for <paramref name="district"/> at <paramref name="node"/>.</summary>
    public async Task<int> CountAsync(DateOnly node, string district, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM score_snapshots WHERE node = @node AND district = @district";
        Add(command, "node", node.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(command, "district", district);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (created)
            return;

        // Append-only like the evidence: a forced rerun adds a snapshot, never replaces one.
        await evidence.EnsureCreatedAsync(ct);
        await database.EnsureAsync($"""
            CREATE TABLE IF NOT EXISTS score_snapshots (
                id {database.KeyColumn},
                node TEXT NOT NULL,
                district TEXT NOT NULL,
                taken TEXT NOT NULL,
                available TEXT NOT NULL,
                scorecard TEXT NOT NULL
            )
            """, ct);
        created = true;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
