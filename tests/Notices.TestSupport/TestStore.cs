using Notices.Core.Storage;

namespace Notices.TestSupport;

/// <summary>
/// A store for one test, and a temp folder for its files: the store is a SQLite file in the
/// folder, or a database of its own on the test PostgreSQL server, dropped afterwards.
/// Theories take the provider from <see cref="StoreDataAttribute"/> rows.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    /// <summary>A SQLite file, as on a single machine.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL database, as in a cluster.</summary>
    public const string Postgres = "postgres";

    private readonly PostgresDatabase? server;

    private TestStore(TempFolder folder, Database database, PostgresDatabase? server)
    {
        Folder = folder;
        Database = database;
        this.server = server;
    }

    /// <summary>The test's folder (the SQLite file lives here too).</summary>
    public TempFolder Folder { get; }

    /// <summary>The store's database.</summary>
    public Database Database { get; }

    /// <summary>An empty store of <paramref name="provider"/> (sqlite or postgres).</summary>
    public static async Task<TestStore> CreateAsync(string provider)
    {
        var folder = new TempFolder();
        if (provider == Sqlite)
            return new TestStore(folder, Database.Sqlite(folder.File("notices.db")), null);

        try
        {
            var server = await PostgresDatabase.CreateAsync();
            return new TestStore(folder, server.Store, server);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>The same store opened afresh, as another process would open it.</summary>
    public Database Reopen() => new(Database.Provider, Database.ConnectionString);

    /// <summary>
    /// Runs <paramref name="work"/> <paramref name="count"/> times at once, each on the store
    /// opened afresh, as that many processes of a cluster would; returns each one's result.
    /// </summary>
    public Task<T[]> AtOnceAsync<T>(int count, Func<Database, Task<T>> work) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(() => work(Reopen()))));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        Folder.Dispose();
    }
}
