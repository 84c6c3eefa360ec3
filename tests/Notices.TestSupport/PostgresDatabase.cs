using System.Globalization;
using Notices.Core.Storage;
using Npgsql;

namespace Notices.TestSupport;

/// <summary>
/// A fresh database (notices_&lt;guid&gt;) on the test PostgreSQL server
/// (<see cref="PostgresFactAttribute.Variable"/>), dropped afterwards with whatever is still
/// connected to it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string admin;

    private PostgresDatabase(string admin, string name)
    {
        this.admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string to the new database, with the server's role.</summary>
    public string ConnectionString { get; }

    /// <summary>The database as the product's store.</summary>
    public Database Store => new(StoreProvider.Postgres, ConnectionString);

    /// <summary>Creates the database; the server must be configured.</summary>
    /// <exception cref="InvalidOperationException">NOTICES_TEST_POSTGRES is not set.</exception>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = PostgresFactAttribute.Server ?? throw new InvalidOperationException(
            PostgresFactAttribute.SkipReason + "; mark the test [PostgresFact] or [StoreData]");
        var database = new PostgresDatabase(admin, "notices_" + Guid.NewGuid().ToString("N"));
        await database.ExecuteAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>Rows of <paramref name="sql"/>, each column as invariant text or null.</summary>
    public async Task<List<string?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i)
                    ? null
                    : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Only this database's pool: other tests' databases keep their connections.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(pooled);
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
