using Notices.Core.Storage;

namespace Notices.Core.Tests.Storage;

/// <summary>A temp folder holding a real SQLite store and the evidence files given to it.</summary>
internal sealed class StoreFolder : IDisposable
{
    public StoreFolder()
    {
        Folder = Directory.CreateTempSubdirectory("notices-store-").FullName;
        Database = Database.Sqlite(System.IO.Path.Combine(Folder, "data", "notices.db"));
        Time = new FixedTime(new DateTimeOffset(2021, 6, 26, 9, 14, 0, TimeSpan.Zero));
        Store = new EvidenceStore(Database, Time);
    }

    public string Folder { get; }

    public Database Database { get; }

    public FixedTime Time { get; }

    public EvidenceStore Store { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 to a file of the folder and returns its path.</summary>
    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Rows in the store's two tables, read straight from the database.</summary>
    public async Task<(long Imports, long Records)> CountsAsync()
    {
        await Store.EnsureCreatedAsync();
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT COUNT(*) FROM evidence_imports), (SELECT COUNT(*) FROM evidence_records)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A clock that stays where it is set.</summary>
    internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
