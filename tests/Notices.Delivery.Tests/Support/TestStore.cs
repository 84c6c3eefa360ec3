using Npgsql;
using Notices.Core.Storage;

namespace Notices.Delivery.Tests.Support;

/// <summary>
/// A store for one test: a SQLite file in a temp folder, or, when NOTICES_TEST_POSTGRES names
/// a PostgreSQL server (as <c>./run test</c> does), a database of its own there, dropped after.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private const string Variable = "NOTICES_TEST_POSTGRES";

    private readonly TempFolder? folder;
    private readonly string? dropName;

    private TestStore(Database database, string? dropName, TempFolder? folder = null)
    {
        Database = database;
        this.dropName = dropName;
        this.folder = folder;
    }

    /// <summary>The store's database.</summary>
    public Database Database { get; }

    /// <summary>sqlite always; postgres too when a server is configured.</summary>
    public static TheoryData<string> Providers()
    {
        var providers = new TheoryData<string> { "sqlite" };
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            providers.Add("postgres");
        return providers;
    }

    /// <summary>Makes an empty store of <paramref name="provider"/>.</summary>
    public static async Task<TestStore> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = new TempFolder();
            return new TestStore(Database.Sqlite(folder["notices.db"]), null, folder);
        }

        var admin = Environment.GetEnvironmentVariable(Variable)!;
        var name = $"notices_delivery_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestStore(new Database(StoreProvider.Postgres, builder.ToString()), name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        folder?.Dispose();
        if (dropName is null)
            return;

        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dropName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
