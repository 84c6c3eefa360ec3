using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Notices.Core.Storage;

/// <summary>
/// The store's database: opens connections and knows the few places where SQLite and
/// PostgreSQL speak differently. Stores (evidence, snapshots, outbox) each create their own
/// tables through <see cref="EnsureAsync"/>.
/// </summary>
public sealed class Database
{
    // The advisory lock key that EnsureAsync takes on PostgreSQL ("notices" in ASCII).
    private const long SchemaLock = 0x6E6F7469636573;

    public Database(StoreProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    /// <summary>A SQLite file at <paramref name="path"/>; its folder is created on first open.</summary>
    public static Database Sqlite(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Pooling = true,
        };
        return new Database(StoreProvider.Sqlite, builder.ToString());
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The column type of an auto-numbered 64-bit key.</summary>
    public string KeyColumn => Provider == StoreProvider.Sqlite
        ? "INTEGER PRIMARY KEY AUTOINCREMENT"
        : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == StoreProvider.Postgres)
        {
            var pg = new NpgsqlConnection(ConnectionString);
            await pg.OpenAsync(cancellationToken);
            return pg;
        }

        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // WAL lets the scheduler read while an import writes; busy_timeout makes a second
        // process wait for the lock instead of failing at once.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="ddl"/> (statements separated by ';') in one transaction, one process
    /// at a time: PostgreSQL's CREATE ... IF NOT EXISTS fails (23505 on pg_type) when two
    /// sessions create the same table at once, as the processes of a cluster do when they start.
    /// </summary>
    public async Task EnsureAsync(string ddl, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (Provider == StoreProvider.Postgres)
        {
            // Held until the transaction ends; SQLite's write lock already serialises DDL.
            await using var gate = connection.CreateCommand();
            gate.Transaction = transaction;
            gate.CommandText = $"SELECT pg_advisory_xact_lock({SchemaLock})";
            await gate.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var statement in
            ddl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
