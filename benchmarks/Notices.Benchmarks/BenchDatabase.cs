using Notices.Core.Storage;
using Npgsql;

namespace Notices.Benchmarks;

/// <summary>
/// A PostgreSQL database of the benchmark's own on the server NOTICES_BENCH_POSTGRES names
/// (as <c>./run test</c> sets NOTICES_TEST_POSTGRES), dropped afterwards.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private BenchDatabase(string server, string name, Database database)
    {
        this.server = server;
        this.name = name;
        Database = database;
    }

    public Database Database { get; }

    public static async Task<BenchDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("NOTICES_BENCH_POSTGRES")
            ?? throw new InvalidOperationException(
                "set NOTICES_BENCH_POSTGRES to a PostgreSQL connection string whose user may create databases, "
                + "e.g. Host=127.0.0.1;Username=notices;Password=notices;Database=postgres");
        var name = "notices_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var own = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new BenchDatabase(server, name, new Database(StoreProvider.Postgres, own));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
