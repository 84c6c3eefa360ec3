using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Notices.Core.Evidence;
using Notices.Core.Schemes;

namespace Notices.Core.Storage;

/// <summary>
/// The evidence store: imported evidence files and the records they hold, append-only. An
/// import is one transaction (all files or none); a correction withdraws a record by a new
/// record whose <c>voids</c> names it; nothing is ever deleted, so every published number can be
/// traced to its records, files, and who imported them when.
/// </summary>
/// <remarks>
/// Tables (SQL that runs on SQLite and PostgreSQL): <c>evidence_imports</c> (key, file_name,
/// sha256, imported_by, imported_at, row_count) and <c>evidence_records</c> (key, import_key,
/// line, unit, item, fact, value, date, note, id, voids). Values are kept as decimal text
/// (<c>1.5</c>) so they stay exact; dates and times as ISO 8601 text. A stored record without an
/// id of its own is named <c>#key</c> (<c>#17</c>): that is what <c>voids</c> writes to withdraw
/// it, and the <see cref="EvidenceRecord.Id"/> that <see cref="LoadAsync"/> gives it, so that a
/// withdrawal matches its target by id everywhere.
/// </remarks>
public sealed class EvidenceStore
{
    /// <summary>The import history's file name for withdrawals made by <see cref="VoidAsync"/>.</summary>
    public const string VoidSource = "notices evidence void";

    private readonly Database database;
    private readonly TimeProvider time;
    private bool created;

    /// <summary>A store over <paramref name="database"/>; tables are created on first use.</summary>
    /// <param name="database">The SQLite file or PostgreSQL database.</param>
    /// <param name="time">The clock that stamps imports.</param>
    public EvidenceStore(Database database, TimeProvider time)
    {
        this.database = database;
        this.time = time;
    }

    /// <summary>Creates the store's tables if they do not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (created)
            return;
        var key = database.KeyColumn;
        await database.EnsureAsync(
            $"""
            CREATE TABLE IF NOT EXISTS evidence_imports (
                key {key},
                file_name TEXT NOT NULL,
                sha256 TEXT UNIQUE,
                imported_by TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                row_count INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS evidence_records (
                key {key},
                import_key BIGINT NOT NULL REFERENCES evidence_imports (key),
                line INTEGER NOT NULL,
                unit TEXT,
                item TEXT,
                fact TEXT,
                value TEXT,
                date TEXT,
                note TEXT,
                id TEXT,
                voids TEXT);
            CREATE INDEX IF NOT EXISTS evidence_records_unit_item
                ON evidence_records (unit, item);
            CREATE INDEX IF NOT EXISTS evidence_records_withdrawals
                ON evidence_records (key) WHERE voids IS NOT NULL
            """,
            cancellationToken);
        created = true;
    }

    /// <summary>
    /// Reads every file, checks them all, and stores all their records in one transaction.
    /// Files are read in the order given: a later file may withdraw a record of an earlier one.
    /// A repeated file is refused before any file is checked, so its records are not reported
    /// as clashing with themselves.
    /// </summary>
    /// <param name="paths">CSV or XLSX evidence files.</param>
    /// <param name="scheme">The scheme the records are checked against.</param>
    /// <param name="importedBy">Who imports them, kept with each import.</param>
    /// <param name="cancellationToken">Cancels before the transaction commits.</param>
    /// <returns>What was stored, per file.</returns>
    /// <exception cref="ProblemException">Any file has problems: the problems of every file are
    /// listed and nothing is stored.</exception>
    /// <exception cref="NoticesRefusedException">A file was imported before (same bytes, by
    /// SHA-256), or the same file is given twice; nothing is stored.</exception>
    public async Task<ImportSummary> ImportAsync(
        IReadOnlyList<string> paths,
        Scheme scheme,
        string importedBy,
        CancellationToken cancellationToken = default)
    {
        if (paths.Count == 0)
            throw new ArgumentException("Give at least one evidence file.", nameof(paths));
        await EnsureCreatedAsync(cancellationToken);

        var problems = new List<Problem>();
        var files = new List<(string Path, byte[] Bytes, string Sha)>();
        foreach (var path in paths)
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                files.Add((path, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Problem(path, 0, "",
                    $"cannot be read ({e.Message}); check the path and that the file is closed"));
            }
        }
        if (problems.Count > 0)
            throw new ProblemException(problems);

        await RefuseRepeatsAsync(files.Select(f => (f.Path, f.Sha)).ToList(), cancellationToken);

        var (known, withdrawn) = await ReadNamesAsync(cancellationToken);
        var read = new List<(string Path, string Sha, IReadOnlyList<EvidenceRecord> Records)>();
        foreach (var (path, bytes, sha) in files)
        {
            try
            {
                using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
                var records = EvidenceReader.Read(stream, path, scheme, known, withdrawn);
                read.Add((path, sha, records));
                foreach (var record in records)
                {
                    if (record.Id is { } id)
                        known.Add(id);
                    if (record.Voids is { } voids)
                        withdrawn.Add(voids);
                }
            }
            catch (ProblemException e)
            {
                problems.AddRange(e.Problems);
            }
        }
        if (problems.Count > 0)
            throw new ProblemException(problems);

        try
        {
            return await StoreAsync(read, importedBy, cancellationToken);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            // Another process imported one of these files since the check above: the UNIQUE
            // sha256 column refused it and the transaction rolled back. Say who did.
            await RefuseRepeatsAsync(files.Select(f => (f.Path, f.Sha)).ToList(), cancellationToken);
            throw;
        }
    }

    private async Task<ImportSummary> StoreAsync(
        List<(string Path, string Sha, IReadOnlyList<EvidenceRecord> Records)> read,
        string importedBy,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var summary = new List<ImportedFile>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (path, sha, records) in read)
        {
            var importKey = await InsertImportAsync(connection, transaction, path, sha,
                importedBy, now, records.Count, cancellationToken);
            if (connection is Npgsql.NpgsqlConnection postgres)
            {
                await CopyRecordsAsync(postgres, importKey, records, cancellationToken);
            }
            else
            {
                // One prepared statement for the file, its key not read back: SQLite runs it
                // in process, so each row costs no round trip.
                await using var insert = RecordInsert(connection, transaction, returningKey: false);
                foreach (var record in records)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Bind(insert, importKey, record);
                    insert.ExecuteNonQuery();
                }
            }
            summary.Add(new ImportedFile(path, importKey, records.Count,
                records.Count(r => r.Voids is not null)));
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportSummary(summary);
    }

    /// <summary>SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) or PostgreSQL's unique_violation (23505).</summary>
    private static bool IsUniqueViolation(DbException e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        _ => false,
    };

    /// <summary>
    /// Every stored record in store order, withdrawn ones and withdrawals included. Each
    /// carries its source (file, line, key); one without an id of its own gets <c>#key</c>.
    /// </summary>
    public async Task<IReadOnlyList<EvidenceRecord>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var imports = await ReadImportsAsync(cancellationToken);
        var records = new List<EvidenceRecord>();
        await ReadRecordsAsync(imports, [""], [], (record, _) => records.Add(record), cancellationToken);
        return records;
    }

    /// <summary>
    /// The stored records that can count for <paramref name="units"/> at <paramref name="asOf"/>,
    /// in store order: their facts dated on or before it, and every record that withdraws another
    /// (a withdrawal counts whatever its date, and may name any record). Scoring these gives the
    /// units the scores that scoring every record gives them, for a fraction of a city's store.
    /// </summary>
    /// <param name="units">The units' short ids, e.g. one district's.</param>
    /// <param name="asOf">The as-of date: later facts cannot count.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<EvidenceRecord>> LoadAsync(
        IReadOnlyCollection<string> units,
        DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var imports = await ReadImportsAsync(cancellationToken);
        var parameters = new List<(string, object?)>
        {
            ("asof", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        parameters.AddRange(units.Select((u, i) => ($"u{i.ToString(CultureInfo.InvariantCulture)}", (object?)u)));
        var names = string.Join(", ", parameters.Skip(1).Select(p => "@" + p.Item1));

        // Two disjoint parts rather than one OR, so that each has an index: the units' facts
        // through (unit, item), the few withdrawals through their partial index.
        IReadOnlyList<string> parts = units.Count == 0
            ? ["WHERE voids IS NOT NULL"]
            : [$"WHERE unit IN ({names}) AND date <= @asof AND voids IS NULL", "WHERE voids IS NOT NULL"];
        // Put in store order here: sorting a district's rows in the database costs more than
        // reading them.
        var records = new List<EvidenceRecord>();
        await ReadRecordsAsync(imports, parts, parameters, (record, _) => records.Add(record), cancellationToken,
            ordered: false);
        records.Sort((a, b) => a.Source.Key.CompareTo(b.Source.Key));
        return records;
    }

    /// <summary>Stored records of one unit and/or one item, each with what withdrew it.</summary>
    /// <param name="unit">A unit's short id (城关), or null for all units.</param>
    /// <param name="item">An item id (1.1), or null for all items.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Matching records in store order; withdrawals match only when no filter is set.</returns>
    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(
        string? unit = null,
        string? item = null,
        CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return (await ReadAllAsync(cancellationToken))
            .Where(s => (unit is null || s.Record.Unit == unit) && (item is null || s.Record.Item == item))
            .ToList();
    }

    /// <summary>The import history, oldest first: files imported and withdrawals made.</summary>
    public async Task<IReadOnlyList<EvidenceImport>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return (await ReadImportsAsync(cancellationToken)).Values.ToList();
    }

    /// <summary>
    /// Withdraws one stored record: appends a record whose <c>voids</c> names it and whose note
    /// is <paramref name="reason"/>. The withdrawn record stays on file.
    /// </summary>
    /// <param name="idOrKey">The record's id, or its key as <c>#17</c> (or <c>17</c> when no
    /// record has that id).</param>
    /// <param name="reason">Why, kept as the withdrawal's note.</param>
    /// <param name="by">Who withdraws it, kept in the import history.</param>
    /// <param name="cancellationToken">Cancels before the withdrawal is stored.</param>
    /// <returns>The withdrawal record as stored.</returns>
    /// <exception cref="NoticesRefusedException">No such record, it is already withdrawn, it is
    /// itself a withdrawal, or the reason is blank.</exception>
    public async Task<EvidenceRecord> VoidAsync(
        string idOrKey,
        string reason,
        string by,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new NoticesRefusedException("A withdrawal needs a reason; give --reason TEXT.");
        await EnsureCreatedAsync(cancellationToken);

        var stored = await ReadAllAsync(cancellationToken);
        var target = Find(stored, idOrKey.Trim())
            ?? throw new NoticesRefusedException(
                $"No stored record has the id or key \"{idOrKey}\"; nothing was withdrawn. "
                + "notices evidence list shows ids and keys.");
        var name = target.Record.Id!;
        if (!target.Record.HasFact)
        {
            throw new NoticesRefusedException(
                $"Record {name} is itself a withdrawal (of {target.Record.Voids}); it cannot be "
                + "withdrawn. Import the fact again if it should count.");
        }
        if (target.WithdrawnBy is { } withdrawal)
        {
            throw new NoticesRefusedException(
                $"Record {name} is already withdrawn by {withdrawal}; a record is withdrawn once.");
        }

        var now = time.GetUtcNow();
        var reasonText = reason.Trim();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var importKey = await InsertImportAsync(connection, transaction, VoidSource, null, by, now, 1,
            cancellationToken);
        var record = new EvidenceRecord(null, null, null, null, null, reasonText, null, name,
            new RecordSource(VoidSource, 0));
        await using var insert = RecordInsert(connection, transaction);
        var key = await InsertRecordAsync(insert, importKey, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record with { Id = $"#{key}", Source = record.Source with { Key = key } };
    }

    private static StoredEvidence? Find(List<StoredEvidence> stored, string idOrKey)
    {
        if (idOrKey.StartsWith('#'))
        {
            return long.TryParse(idOrKey.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                ? stored.FirstOrDefault(s => s.Record.Source.Key == k)
                : null;
        }
        return stored.FirstOrDefault(s => s.Record.Id == idOrKey)
            ?? (long.TryParse(idOrKey, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
                ? stored.FirstOrDefault(s => s.Record.Source.Key == key)
                : null);
    }

    /// <summary>
    /// The names voids may use (each record's own id, or #key for a record without one: the
    /// name scoring matches it by, so a record with an id is not also named by its key), and
    /// the names already withdrawn. Reads three columns, not whole records: a city store is big.
    /// </summary>
    private async Task<(HashSet<string> Known, HashSet<string> Withdrawn)> ReadNamesAsync(
        CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var withdrawn = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, id, voids FROM evidence_records";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(reader.IsDBNull(1)
                ? $"#{Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)}"
                : reader.GetString(1));
            if (!reader.IsDBNull(2))
                withdrawn.Add(reader.GetString(2));
        }
        return (known, withdrawn);
    }

    private async Task RefuseRepeatsAsync(List<(string Path, string Sha)> files, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, sha) in files)
        {
            if (seen.TryGetValue(sha, out var first))
            {
                throw new NoticesRefusedException(
                    $"{path} has the same content as {first}; give each file once. "
                    + "Nothing was imported.");
            }
            seen[sha] = path;
        }

        var imports = await ReadImportsAsync(cancellationToken);
        foreach (var (path, sha) in files)
        {
            if (imports.Values.FirstOrDefault(i => i.Sha256 == sha) is not { } earlier)
                continue;
            var at = earlier.ImportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var named = earlier.FileName == path ? "" : $" as {earlier.FileName}";
            throw new NoticesRefusedException(
                $"{path} was already imported on {at} UTC by {earlier.ImportedBy}{named} "
                + $"(import {earlier.Key}, {earlier.Rows} records); nothing was imported. "
                + "To correct stored records, import a file whose voids column names them, "
                + "or use notices evidence void.");
        }
    }

    private async Task<SortedDictionary<long, EvidenceImport>> ReadImportsAsync(CancellationToken cancellationToken)
    {
        var imports = new SortedDictionary<long, EvidenceImport>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT key, file_name, sha256, imported_by, imported_at, row_count FROM evidence_imports";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            imports[key] = new EvidenceImport(
                key,
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture,
                    DateTimeStyles.RoundtripKind),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture));
        }
        return imports;
    }

    private async Task<List<StoredEvidence>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var imports = await ReadImportsAsync(cancellationToken);
        var rows = new List<(EvidenceRecord Record, EvidenceImport Import)>();
        await ReadRecordsAsync(imports, [""], [], (record, import) => rows.Add((record, import)), cancellationToken);

        var withdrawers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (record, _) in rows)
        {
            if (record.Voids is { } voids)
                withdrawers.TryAdd(voids, record.Id!);
        }
        return rows.Select(r => new StoredEvidence(r.Record, r.Import,
            withdrawers.GetValueOrDefault(r.Record.Id!))).ToList();
    }

    /// <summary>
    /// Reads the records that the WHERE clauses <paramref name="parts"/> select, in store order
    /// unless <paramref name="ordered"/> is false; the parts must not overlap. A city's store
    /// holds a million records naming a few thousand units, items, facts and notes: each
    /// distinct text is kept once, not once per record.
    /// </summary>
    private async Task ReadRecordsAsync(
        SortedDictionary<long, EvidenceImport> imports,
        IReadOnlyList<string> parts,
        IReadOnlyList<(string Name, object? Value)> parameters,
        Action<EvidenceRecord, EvidenceImport> add,
        CancellationToken cancellationToken,
        bool ordered = true)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string text)
        {
            if (texts.TryGetValue(text, out var kept))
                return kept;
            if (texts.Count < 100_000)
                texts.Add(text, text);
            return text;
        }

        // A year has a few hundred dates; each is parsed once.
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        DateOnly Date(string text)
        {
            if (!dates.TryGetValue(text, out var date))
            {
                date = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                dates.Add(text, date);
            }
            return date;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(" UNION ALL ", parts.Select(where =>
                "SELECT key, import_key, line, unit, item, fact, value, date, note, id, voids "
                + $"FROM evidence_records {where}"))
            + (ordered ? " ORDER BY key" : "");
        foreach (var (name, value) in parameters)
            Add(command, name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        EvidenceImport? import = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetInt64(0);
            var importKey = reader.GetInt64(1);
            if (import?.Key != importKey)
                import = imports[importKey];
            string? Text(int i) => reader.IsDBNull(i) ? null : Shared(reader.GetString(i));
            var value = reader.IsDBNull(6) ? null : reader.GetString(6);
            var date = reader.IsDBNull(7) ? null : reader.GetString(7);
            var record = new EvidenceRecord(
                Text(3),
                Text(4),
                Text(5),
                value is null ? null : decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture),
                date is null ? null : Date(date),
                Text(8),
                (reader.IsDBNull(9) ? null : reader.GetString(9)) ?? $"#{key.ToString(CultureInfo.InvariantCulture)}",
                reader.IsDBNull(10) ? null : reader.GetString(10),
                new RecordSource(import.FileName, reader.GetInt32(2), key));
            add(record, import);
        }
    }

    private static async Task<long> InsertImportAsync(
        DbConnection connection,
        DbTransaction transaction,
        string fileName,
        string? sha,
        string importedBy,
        DateTimeOffset at,
        int rows,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO evidence_imports (file_name, sha256, imported_by, imported_at, row_count) "
            + "VALUES (@file, @sha, @by, @at, @rows) RETURNING key";
        Add(command, "file", fileName);
        Add(command, "sha", sha);
        Add(command, "by", importedBy);
        Add(command, "at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Add(command, "rows", rows);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// PostgreSQL takes a file's records in one binary COPY inside the import's transaction: a
    /// row-by-row INSERT costs a round trip a record, and a city's year is a million of them.
    /// </summary>
    private static async Task CopyRecordsAsync(
        Npgsql.NpgsqlConnection connection,
        long importKey,
        IReadOnlyList<EvidenceRecord> records,
        CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY evidence_records (import_key, line, unit, item, fact, value, date, note, id, voids) "
            + "FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var record in records)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(importKey, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(record.Source.Line, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
            foreach (var text in TextColumns(record))
            {
                if (text is null)
                    await copy.WriteNullAsync(cancellationToken);
                else
                    await copy.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
            }
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static readonly string[] RecordColumns =
        ["import", "line", "unit", "item", "fact", "value", "date", "note", "id", "voids"];

    /// <summary>One insert command reused for every record of an import: parsed once, not per row.</summary>
    private static DbCommand RecordInsert(DbConnection connection, DbTransaction transaction, bool returningKey = true)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO evidence_records "
            + "(import_key, line, unit, item, fact, value, date, note, id, voids) VALUES "
            + "(@import, @line, @unit, @item, @fact, @value, @date, @note, @id, @voids)"
            + (returningKey ? " RETURNING key" : "");
        foreach (var column in RecordColumns)
            Add(command, column, null);
        command.Prepare();
        return command;
    }

    private static async Task<long> InsertRecordAsync(
        DbCommand command,
        long importKey,
        EvidenceRecord record,
        CancellationToken cancellationToken)
    {
        Bind(command, importKey, record);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void Bind(DbCommand command, long importKey, EvidenceRecord record)
    {
        command.Parameters[0].Value = importKey;
        command.Parameters[1].Value = record.Source.Line;
        var texts = TextColumns(record);
        for (var i = 0; i < texts.Length; i++)
            command.Parameters[i + 2].Value = (object?)texts[i] ?? DBNull.Value;
    }

    /// <summary>
    /// A record's text columns as stored, unit to voids: values as exact decimal text, dates
    /// as ISO 8601.
    /// </summary>
    private static string?[] TextColumns(EvidenceRecord record) =>
    [
        record.Unit,
        record.Item,
        record.Fact,
        record.Value?.ToString(CultureInfo.InvariantCulture),
        record.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        record.Note,
        record.Id,
        record.Voids,
    ];

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
