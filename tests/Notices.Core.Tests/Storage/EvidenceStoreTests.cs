using Microsoft.Extensions.Time.Testing;
using Notices.Core.Evidence;
using Notices.Core.Samples;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Core.Storage;

namespace Notices.Core.Tests.Storage;

/// <summary>
/// The evidence store on a SQLite file and on a PostgreSQL database of its own (when
/// NOTICES_TEST_POSTGRES names a server): every test runs on both, so both behave the same.
/// </summary>
public sealed class EvidenceStoreTests : StoreTest
{
    private const string Header = "unit,item,fact,value,date,note,id,voids\n";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2021, 6, 26, 9, 14, 0, TimeSpan.Zero));
    private EvidenceStore evidence = null!;

    private async Task UseAsync(string provider) =>
        evidence = new EvidenceStore((await CreateStoreAsync(provider)).Database, time);

    private string File(string name, string text) => Store.Folder.File(name, text);

    private Task<ImportSummary> ImportAsync(params string[] paths) =>
        evidence.ImportAsync(paths, Repo.Scheme2021, "王芳");

    /// <summary>Rows in the store's two tables, read straight from the database.</summary>
    private async Task<(long Imports, long Records)> CountsAsync()
    {
        await evidence.EnsureCreatedAsync();
        await using var connection = await Store.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT COUNT(*) FROM evidence_imports), (SELECT COUNT(*) FROM evidence_records)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Import_StoresRecordsWithTheirSourceAndKey(string provider)
    {
        await UseAsync(provider);
        var june = File("june.csv", Header
            + "城关,1.2,submitted,,2021-06-20,城政发〔2021〕30号,C1,\n"
            + "新华,6.1,spot_check,1.5,2021-06-21,抽查,,\n");

        var summary = await ImportAsync(june);
        var records = await evidence.LoadAsync();

        Assert.Equal(2, summary.Rows);
        Assert.Equal(new ImportedFile(june, 1, 2, 0), summary.Files.Single());
        Assert.Equal(
            new EvidenceRecord("城关", "1.2", "submitted", null, new DateOnly(2021, 6, 20),
                "城政发〔2021〕30号", "C1", null, new RecordSource(june, 2, 1)),
            records[0]);
        Assert.Equal(
            new EvidenceRecord("新华", "6.1", "spot_check", 1.5m, new DateOnly(2021, 6, 21), "抽查",
                "#2", null, new RecordSource(june, 3, 2)),
            records[1]);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Import_KeepsWhoImportedAndWhen(string provider)
    {
        await UseAsync(provider);
        var file = File("a.csv", Header + "城关,1.1,submitted,,2021-05-08,,,\n");

        await ImportAsync(file);
        var history = await evidence.HistoryAsync();

        var import = history.Single();
        Assert.Equal(("王芳", new DateTimeOffset(2021, 6, 26, 9, 14, 0, TimeSpan.Zero), file, 1),
            (import.ImportedBy, import.ImportedAt, import.FileName, import.Rows));
        Assert.Equal(64, import.Sha256!.Length);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task SameFileTwice_IsRefusedSayingWhenAndByWhom_AndNothingIsAdded(string provider)
    {
        await UseAsync(provider);
        var file = File("june.csv", Header + "城关,1.2,submitted,,2021-06-20,,,\n");
        await ImportAsync(file);
        var copy = File("june-again.csv", System.IO.File.ReadAllText(file));
        time.Advance(TimeSpan.FromDays(3));

        var e = await Assert.ThrowsAsync<NoticesRefusedException>(() =>
            evidence.ImportAsync([copy], Repo.Scheme2021, "李明"));

        Assert.Equal($"{copy} was already imported on 2021-06-26 09:14 UTC by 王芳 as {file} (import 1, "
            + "1 records); nothing was imported. To correct stored records, import a file whose voids "
            + "column names them, or use notices evidence void.", e.Message);
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task SameFileImportedTwiceAtOnce_IsStoredOnce(string provider)
    {
        await UseAsync(provider);
        var file = File("june.csv", Header + "城关,1.2,submitted,,2021-06-20,,,\n");
        var other = new EvidenceStore(Store.Reopen(), time);

        var results = await Task.WhenAll(
            Outcome(evidence.ImportAsync([file], Repo.Scheme2021, "王芳")),
            Outcome(other.ImportAsync([file], Repo.Scheme2021, "李明")));

        Assert.Equal(["refused", "stored"], results.Order());
        Assert.Equal((1, 1), await CountsAsync());

        static async Task<string> Outcome(Task<ImportSummary> import)
        {
            try
            {
                await import;
                return "stored";
            }
            catch (NoticesRefusedException)
            {
                return "refused";
            }
        }
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Tables_CreatedByManyProcessesAtOnce_AreCreatedOnce(string provider)
    {
        // Every process of a cluster creates the tables it uses when it starts.
        await UseAsync(provider);

        await Store.AtOnceAsync(6, async database =>
        {
            await new EvidenceStore(database, time).EnsureCreatedAsync();
            return true;
        });

        Assert.Equal((0, 0), await CountsAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task SameFileGivenTwiceInOneImport_IsRefused(string provider)
    {
        await UseAsync(provider);
        var file = File("june.csv", Header + "城关,1.2,submitted,,2021-06-20,,,\n");

        var e = await Assert.ThrowsAsync<NoticesRefusedException>(() => ImportAsync(file, file));

        Assert.Equal($"{file} has the same content as {file}; give each file once. Nothing was imported.", e.Message);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task FailedImport_LeavesTheStoreUnchanged_AndReportsEveryFilesProblems(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("may.csv", Header + "城关,1.1,submitted,,2021-05-08,,M1,\n"));
        var before = await CountsAsync();
        var good = File("good.csv", Header + "新华,1.1,submitted,,2021-05-09,,,\n");
        var bad1 = File("bad1.csv", Header + "兴达,1.1,submitted,,2021-05-32,,,\n");
        var bad2 = File("bad2.csv", Header + "昌盛,1.1,submitted,,2021-05-09,,M1,\n");

        var e = await Assert.ThrowsAsync<ProblemException>(() => ImportAsync(good, bad1, bad2));

        Assert.Equal(
        [
            $"{bad1}:2: date: \"2021-05-32\" is not a date; write 2021-05-08, 2021/5/8 or 2021年5月8日",
            $"{bad2}:2: id: \"M1\" is already the id of a stored record; give each record its own id",
        ], e.Problems.Select(p => p.ToString()));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal((1, 1), before);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task MissingFile_IsAProblemAndNothingIsStored(string provider)
    {
        await UseAsync(provider);
        var good = File("good.csv", Header + "新华,1.1,submitted,,2021-05-09,,,\n");
        var missing = Store.Folder.File("missing.csv");

        var e = await Assert.ThrowsAsync<ProblemException>(() => ImportAsync(good, missing));

        Assert.StartsWith($"{missing}: cannot be read (", e.Problems.Single().ToString());
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task LaterFile_MayWithdrawARecordOfAnEarlierFileInTheSameImport(string provider)
    {
        await UseAsync(provider);
        var first = File("1.csv", Header + "城关,2.1,unrecorded,3,2021-04-20,,R1,\n");
        var second = File("2.csv", Header + "城关,2.1,unrecorded,2,2021-04-20,复核,R2,R1\n");

        var summary = await ImportAsync(first, second);

        Assert.Equal([0, 1], summary.Files.Select(f => f.Withdrawals));
        var scored = Scorer.Score(Repo.Scheme2021, await evidence.LoadAsync(), new DateOnly(2021, 4, 30));
        var item = scored.Units.First(u => u.Unit.Id == "城关").Items.First(i => i.Item.Id == "2.1");
        Assert.Contains(item.Deductions, d => d.Fact == "unrecorded" && d.Points == 0.6m);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Import_MayWithdrawAStoredRecordByIdOrByKey_ButNotTwice(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header
            + "城关,2.1,unrecorded,3,2021-04-20,,A1,\n"
            + "新华,2.1,unrecorded,1,2021-04-20,,,\n"));

        await ImportAsync(File("b.csv", Header + ",,,,,错录,,A1\n,,,,,重复,,#2\n"));
        var again = File("c.csv", Header + ",,,,,,,A1\n,,,,,,,#2\n,,,,,,,#1\n");
        var e = await Assert.ThrowsAsync<ProblemException>(() => ImportAsync(again));

        Assert.Equal(
        [
            $"{again}:2: voids: \"A1\" is already withdrawn by a stored record; a record is withdrawn once",
            $"{again}:3: voids: \"#2\" is already withdrawn by a stored record; a record is withdrawn once",
            $"{again}:4: voids: \"#1\" names no earlier record; voids must name the id of a record on an "
                + "earlier line of this file or already stored (notices evidence list shows them)",
        ], e.Problems.Select(p => p.ToString()));
        var listed = await evidence.ListAsync();
        Assert.Equal(["#3", "#4", null, null], listed.Select(s => s.WithdrawnBy));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Values_StayExactDecimals(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header
            + "城关,6.1,spot_check,1.7,2021-12-20,,,\n"
            + "城关,6.1,spot_check,0.1,2021-12-21,,,\n"
            + "城关,6.1,late_info,10,2021-12-21,,,\n"));

        var values = (await evidence.LoadAsync()).Select(r => r.Value).ToList();

        Assert.Equal([1.7m, 0.1m, 10m], values);
        Assert.Equal("0.1", values[1]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task DistrictLoad_GivesItsUnitsTheScoresOfTheWholeStore(string provider)
    {
        await UseAsync(provider);
        var scheme = SchemeLoader.Load(File("city.yaml",
            CityGenerator.SchemeYaml(Repo.Path("seeds/scheme-2021.yaml"), 3, 12)));
        var csv = new StringWriter();
        CityGenerator.WriteEvidence(scheme, 6000, 7, csv);
        await evidence.ImportAsync([File("city.csv", csv.ToString())], scheme, "王芳");

        // A withdrawal made later, by key, of a record of the first district.
        var first = scheme.Districts[0];
        var all = await evidence.LoadAsync();
        var target = all.First(r => r.Unit == first.Units[0].Id && r.Fact == "unrecorded");
        await evidence.VoidAsync(target.Id!, "重复录入", "王芳");
        all = await evidence.LoadAsync();
        Assert.True(all.Count(r => r.Voids is not null) > 10, "the year has withdrawals");

        foreach (var asOf in new[] { new DateOnly(2021, 3, 31), new DateOnly(2021, 6, 25), new DateOnly(2021, 12, 31) })
        {
            var whole = Scorer.Score(scheme, all, asOf);
            foreach (var district in scheme.Districts)
            {
                var units = district.Units.Select(u => u.Id).ToHashSet();
                var mine = await evidence.LoadAsync(units, asOf);

                Assert.All(mine, r => Assert.True(r.Voids is not null || (units.Contains(r.Unit!) && r.Date <= asOf),
                    $"{r.Reference} is not {district.Id}'s at {asOf}"));
                Assert.InRange(mine.Count, 1, all.Count / 2);

                // The records the whole store's load gives, in the same (store) order.
                Assert.Equal(
                    all.Where(r => r.Voids is not null || (units.Contains(r.Unit!) && r.Date <= asOf))
                        .Select(r => r.Source.Key),
                    mine.Select(r => r.Source.Key));
                Assert.Equal(
                    ScorecardJson.ToJson(whole with { Units = whole.For(district) }),
                    ScorecardJson.ToJson(Scorer.Score(scheme, mine, asOf, district)));
            }
        }
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task List_FiltersByUnitAndItem(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header
            + "城关,1.1,submitted,,2021-05-08,,,\n"
            + "城关,2.1,unrecorded,1,2021-04-20,,,\n"
            + "新华,1.1,submitted,,2021-05-08,,,\n"));

        Assert.Equal([1L, 2L], (await evidence.ListAsync(unit: "城关")).Select(s => s.Record.Source.Key));
        Assert.Equal([1L, 3L], (await evidence.ListAsync(item: "1.1")).Select(s => s.Record.Source.Key));
        Assert.Equal([2L], (await evidence.ListAsync("城关", "2.1")).Select(s => s.Record.Source.Key));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Void_AppendsAWithdrawalWithTheReason_AndTheRecordNoLongerScores(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header + "城关,1.4,unpublished,,2021-12-20,,P1,\n"));
        time.SetUtcNow(new DateTimeOffset(2021, 12, 22, 8, 0, 0, TimeSpan.Zero));

        var withdrawal = await evidence.VoidAsync("P1", "已于12月19日公示", "李明");

        Assert.Equal(("P1", "已于12月19日公示", 2L), (withdrawal.Voids, withdrawal.Note, withdrawal.Source.Key));
        var history = await evidence.HistoryAsync();
        Assert.Equal((EvidenceStore.VoidSource, "李明", (string?)null),
            (history[1].FileName, history[1].ImportedBy, history[1].Sha256));
        var listed = await evidence.ListAsync();
        Assert.Equal("#2", listed[0].WithdrawnBy);

        var card = Scorer.Score(Repo.Scheme2021, await evidence.LoadAsync(), new DateOnly(2021, 12, 25));
        var item = card.Units.First(u => u.Unit.Id == "城关").Items.First(i => i.Item.Id == "1.4");
        Assert.DoesNotContain(item.Deductions, d => d.Fact == "unpublished" && d.Points > 0);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Void_FindsARecordWithoutIdByItsKey_WithOrWithoutTheHash(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header
            + "城关,1.4,unpublished,,2021-12-20,,,\n"
            + "新华,1.4,unpublished,,2021-12-20,,,\n"));

        var first = await evidence.VoidAsync("#1", "误报", "李明");
        var second = await evidence.VoidAsync("2", "误报", "李明");

        Assert.Equal(("#1", "#2"), (first.Voids, second.Voids));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Void_RefusesUnknownIds(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header + "城关,1.4,unpublished,,2021-12-20,,P1,\n"));

        var e = await Assert.ThrowsAsync<NoticesRefusedException>(
            () => evidence.VoidAsync("P9", "误报", "李明"));

        Assert.Equal("No stored record has the id or key \"P9\"; nothing was withdrawn. "
            + "notices evidence list shows ids and keys.", e.Message);
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Void_RefusesARecordAlreadyWithdrawn(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header + "城关,1.4,unpublished,,2021-12-20,,P1,\n,,,,,,,P1\n"));

        var e = await Assert.ThrowsAsync<NoticesRefusedException>(
            () => evidence.VoidAsync("P1", "误报", "李明"));

        Assert.Equal("Record P1 is already withdrawn by #2; a record is withdrawn once.", e.Message);
        Assert.Equal((1, 2), await CountsAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Void_RefusesAWithdrawal(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header + "城关,1.4,unpublished,,2021-12-20,,P1,\n,,,,,,W1,P1\n"));

        var e = await Assert.ThrowsAsync<NoticesRefusedException>(
            () => evidence.VoidAsync("W1", "误报", "李明"));

        Assert.Equal("Record W1 is itself a withdrawal (of P1); it cannot be withdrawn. "
            + "Import the fact again if it should count.", e.Message);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Void_RefusesABlankReason(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header + "城关,1.4,unpublished,,2021-12-20,,P1,\n"));

        await Assert.ThrowsAsync<NoticesRefusedException>(() => evidence.VoidAsync("P1", "  ", "李明"));
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Store_SurvivesReopening(string provider)
    {
        await UseAsync(provider);
        await ImportAsync(File("a.csv", Header + "城关,1.1,submitted,,2021-05-08,,,\n"));

        var reopened = new EvidenceStore(Store.Reopen(), time);

        Assert.Single(await reopened.LoadAsync());
    }
}
