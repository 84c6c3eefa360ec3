using System.Data.Common;
using System.Globalization;
using Notices.Core.Storage;

namespace Notices.Scheduling;

/// <summary>
/// The node_runs table: one row per node and district, so that a node already done is not
/// done again (unless forced), after a restart, on another process of a cluster, or when two
/// triggers name the same node. The SQL runs on SQLite and PostgreSQL alike.
/// </summary>
public sealed class NodeRunStore
{
    /// <summary>A run started and not finished.</summary>
    public const string Running = "running";

    /// <summary>A run that finished.</summary>
    public const string Done = "done";

    /// <summary>A run whose work threw; it runs again at the next catch-up.</summary>
    public const string Failed = "failed";

    /// <summary>A run whose process died; it runs again at the next catch-up.</summary>
    public const string Interrupted = "interrupted";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly Database database;

    /// <summary>Uses the node_runs table of <paramref name="database"/>.</summary>
    public NodeRunStore(Database database) => this.database = database;

    /// <summary>Creates the node_runs table if it is missing.</summary>
    public Task EnsureAsync(CancellationToken ct = default) => database.EnsureAsync($"""
        CREATE TABLE IF NOT EXISTS node_runs (
            id {database.KeyColumn},
            node TEXT NOT NULL,
            district TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            started TEXT NOT NULL,
            finished TEXT NULL,
            outcome TEXT NULL,
            owner TEXT NOT NULL,
            UNIQUE (node, district)
        )
        """, ct);

    /// <summary>
    /// Claims the node for <paramref name="owner"/>: true when this caller is to run it now.
    /// A node never run, failed or interrupted is claimed; a done one only when
    /// <paramref name="force"/>d; a running one only once its start is older than
    /// <paramref name="lease"/> (its process died without a word).
    /// </summary>
    public async Task<bool> TryBeginAsync(
        DateOnly node, string district, bool force, DateTimeOffset now, TimeSpan lease, string owner,
        CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);

        // The unique (node, district) key decides between two claimants of a new node:
        // exactly one insert succeeds.
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO node_runs (node, district, state, attempts, started, owner)
                VALUES (@node, @district, 'running', 1, @now, @owner)
                ON CONFLICT (node, district) DO NOTHING
                """;
            Add(insert, "node", Day(node));
            Add(insert, "district", district);
            Add(insert, "now", Time(now));
            Add(insert, "owner", owner);
            if (await insert.ExecuteNonQueryAsync(ct) == 1)
                return true;
        }

        // An existing row is taken over by a conditional update: of two claimants, the one
        // whose update matched the old state wins; the other's matches nothing.
        var redo = force ? "state <> 'running'" : "state IN ('failed', 'interrupted')";
        await using var update = connection.CreateCommand();
        update.CommandText = $"""
            UPDATE node_runs
            SET state = 'running', attempts = attempts + 1, started = @now, finished = NULL,
                outcome = NULL, owner = @owner
            WHERE node = @node AND district = @district
              AND (({redo}) OR (state = 'running' AND started < @stale))
            """;
        Add(update, "node", Day(node));
        Add(update, "district", district);
        Add(update, "now", Time(now));
        Add(update, "owner", owner);
        Add(update, "stale", Time(now - lease));
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Records the claimed node as done with what it made.</summary>
    public Task CompleteAsync(DateOnly node, string district, DateTimeOffset finished, string outcome,
        CancellationToken ct = default) =>
        FinishAsync(node, district, Done, finished, outcome, ct);

    /// <summary>Records the claimed node as failed with the reason.</summary>
    public Task FailAsync(DateOnly node, string district, DateTimeOffset finished, string reason,
        CancellationToken ct = default) =>
        FinishAsync(node, district, Failed, finished, reason, ct);

    /// <summary>
    /// Marks running rows as interrupted: every district's, or only <paramref name="district"/>'s.
    /// Called at the start of a process that is the store's only user (SQLite), and when Quartz
    /// recovers a district's node job from a process of a cluster that died running it: either
    /// way, whatever is found running there was left by a process that died.
    /// </summary>
    /// <param name="district">Only this district's runs; every district's when null.</param>
    /// <param name="ct">Cancels the update.</param>
    /// <returns>How many runs were interrupted.</returns>
    public async Task<int> InterruptRunningAsync(string? district = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE node_runs SET state = 'interrupted' WHERE state = 'running'";
        if (district is not null)
        {
            command.CommandText += " AND district = @district";
            Add(command, "district", district);
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The nodes recorded done, as (node, district).</summary>
    public async Task<IReadOnlySet<(DateOnly Node, string District)>> DoneAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node, district FROM node_runs WHERE state = 'done'";
        var done = new HashSet<(DateOnly, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            done.Add((DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(1)));
        }
        return done;
    }

    /// <summary>Every run recorded, by node date and district.</summary>
    public async Task<IReadOnlyList<NodeRunRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT node, district, state, attempts, started, finished, outcome, owner
            FROM node_runs ORDER BY node, district
            """;
        var records = new List<NodeRunRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            records.Add(new NodeRunRecord(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.GetString(2),
                Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                ParseTime(reader.GetString(4)),
                reader.IsDBNull(5) ? null : ParseTime(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7)));
        }
        return records;
    }

    private async Task FinishAsync(DateOnly node, string district, string state, DateTimeOffset finished,
        string outcome, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE node_runs SET state = @state, finished = @finished, outcome = @outcome
            WHERE node = @node AND district = @district
            """;
        Add(command, "state", state);
        Add(command, "finished", Time(finished));
        Add(command, "outcome", outcome);
        Add(command, "node", Day(node));
        Add(command, "district", district);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Fixed-width UTC text sorts as the instants do, on both databases.
    private static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
