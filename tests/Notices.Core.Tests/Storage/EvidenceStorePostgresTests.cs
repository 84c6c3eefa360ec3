using Notices.Core.Storage;
using Npgsql;

namespace Notices.Core.Tests.Storage;

/// <summary>
/// The same store on PostgreSQL: each test gets a schema of its own, dropped afterwards.
/// Proves the store's SQL runs on both databases.
/// </summary>
public sealed class EvidenceStorePostgresTests : IDisposable
{
    private const string Header = "unit,item,fact,value,date,note,id,voids\n";

    private readonly string? server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
    private readonly string schema = "notices_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly StoreFolder files = new();
    private EvidenceStore? store;
    private Database? database;

    private async Task<EvidenceStore> StoreAsync()
    {
        if (store is not null)
            return store;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        database = new Database(StoreProvider.Postgres, builder.ToString());
        store = new EvidenceStore(database, files.Time);
        return store;
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await database!.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [PostgresFact]
    public async Task Import_LoadAndVoid_WorkOnPostgres()
    {
        var evidence = await StoreAsync();
        var file = files.File("a.csv", Header
            + "城关,6.1,spot_check,1.7,2021-12-20,抽查,S1,\n"
            + "新华,2.1,unrecorded,3,2021-04-20,,,\n");

        var summary = await evidence.ImportAsync([file], Repo.Scheme2021, "王芳");
        var withdrawal = await evidence.VoidAsync("#2", "重复录入", "李明");
        var records = await evidence.LoadAsync();
        var history = await evidence.HistoryAsync();

        Assert.Equal(2, summary.Rows);
        Assert.Equal([1.7m, 3m, null], records.Select(r => r.Value));
        Assert.Equal(new DateOnly(2021, 12, 20), records[0].Date);
        Assert.Equal(("S1", "#2", "#2"), (records[0].Id, records[1].Id, withdrawal.Voids));
        Assert.Equal(["王芳", "李明"], history.Select(h => h.ImportedBy));
        Assert.Equal(new DateTimeOffset(2021, 6, 26, 9, 14, 0, TimeSpan.Zero), history[0].ImportedAt);
    }

    [PostgresFact]
    public async Task RefusedAndFailedImports_StoreNothing_OnPostgres()
    {
        var evidence = await StoreAsync();
        var good = files.File("good.csv", Header + "城关,1.1,submitted,,2021-05-08,,,\n");
        var bad = files.File("bad.csv", Header + "城关,1.1,submitted,,2021-05-32,,,\n");
        await evidence.ImportAsync([good], Repo.Scheme2021, "王芳");

        await Assert.ThrowsAsync<NoticesRefusedException>(
            () => evidence.ImportAsync([good], Repo.Scheme2021, "王芳"));
        await Assert.ThrowsAsync<ProblemException>(() =>
            evidence.ImportAsync([files.File("new.csv", Header + "新华,1.1,submitted,,2021-05-08,,,\n"), bad],
                Repo.Scheme2021, "王芳"));

        Assert.Equal((1, 1), (await CountAsync("evidence_imports"), await CountAsync("evidence_records")));
    }

    public void Dispose()
    {
        if (store is not null)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            command.ExecuteNonQuery();
        }
        files.Dispose();
    }
}
