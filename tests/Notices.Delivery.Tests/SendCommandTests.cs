using System.Text.Json;
using Notices.Delivery.Bulletins;
using Notices.Delivery.Tests.Support;
using SmtpServer.Protocol;

namespace Notices.Delivery.Tests;

/// <summary><c>notices send</c> and <c>notices outbox</c>, run as the real program over the seed scheme.</summary>
public sealed class SendCommandTests : IDisposable
{
    private const string Password = "cli-Pa55word-保密";

    private readonly TempFolder folder = new();
    private readonly string scheme;

    public SendCommandTests()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Samples.RepositoryTemplate))!;
        scheme = Path.Combine(root, "seeds", "scheme-2021.yaml");
        Directory.CreateDirectory(folder.File("templates"));
        File.Copy(Samples.RepositoryTemplate, folder.File("templates/mail.txt"));
    }

    public void Dispose() => folder.Dispose();

    private Task<ProgramRun> Notices(IDictionary<string, string>? environment, params string[] args) =>
        NoticesProgram.RunAsync(
            folder.Path,
            environment ?? new Dictionary<string, string>(),
            [.. args, "--scheme", scheme, "--store", "data/notices.db"]);

    private void Render(bool draft = false)
    {
        var rendered = Samples.Render(folder.File("output"), draft);
        var manifest = Path.Combine(rendered, BulletinManifest.FileName);
        Assert.True(File.Exists(manifest));
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        Assert.Equal("shili", json.RootElement.GetProperty("district").GetString());
    }

    [Fact]
    public async Task Send_WithNoSmtpServer_WritesEachMessageToThePickupFolder_AndAgainSendsNothing()
    {
        Render();

        var first = await Notices(null, "send", "half-year");
        var second = await Notices(null, "send", "half-year", "--district", "shili");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(6, first.Out.Split('\n').Count(l => l.Contains(": sent, key", StringComparison.Ordinal)));
        Assert.Contains("城关街道办事处 <chengguan@shili.example>: sent", first.Out, StringComparison.Ordinal);
        Assert.Contains(
            "大连市住房和城乡建设局 <wuye@zjj.example>: sent", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(6, second.Out.Split('\n').Count(l => l.Contains("not sent again", StringComparison.Ordinal)));
        Assert.Equal(6, Directory.GetFiles(folder.File("output/mail-pickup"), "*.eml").Length);

        var outbox = await Notices(null, "outbox");
        Assert.Equal(0, outbox.ExitCode);
        Assert.Contains("6 message(s): 6 sent", outbox.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ADraft_IsRefused_WithExitCode3_AndQueuesNothing()
    {
        Render(draft: true);

        var run = await Notices(null, "send", "half-year");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("draft", run.Error, StringComparison.Ordinal);
        Assert.Contains("The outbox is empty", (await Notices(null, "outbox")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithoutARendering_SaysToRenderFirst()
    {
        var run = await Notices(null, "send", "annual");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("notices render annual --district shili", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToAServerWithAuth_TakesThePasswordFromTheEnvironment_AndNeverPrintsOrStoresIt()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(user: "bulletins", password: Password);
        Render();
        var environment = Smtp(server);
        environment["NOTICES__Smtp__User"] = "bulletins";
        environment["NOTICES__Smtp__Password"] = Password;
        environment["NOTICES__Logging__LogLevel__Default"] = "Trace";

        var send = await Notices(environment, "send", "half-year");
        var outbox = await Notices(environment, "outbox");

        Assert.Equal(0, send.ExitCode);
        Assert.Equal(6, server.DistinctAccepted);
        Assert.Equal(6, server.RawAccepted);
        Assert.All(server.Received, r => Assert.Equal("bulletins", r.User));
        foreach (var text in new[] { send.Out, send.Error, outbox.Out, outbox.Error })
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(folder.File("data")))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain(Password, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Send_WhenTheServerRefusesOne_ExitsWith4_OutboxShowsTheReply_AndRetryRequeuesIt()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        server.Answer = n =>
            n == 1 ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 mailbox unknown") : null;
        Render();
        var environment = Smtp(server);

        var send = await Notices(environment, "send", "half-year");

        Assert.Equal(4, send.ExitCode);
        Assert.Contains("FAILED, key 2 (550", send.Out, StringComparison.Ordinal);
        Assert.Contains("notices outbox retry", send.Error, StringComparison.Ordinal);
        var listed = await Notices(environment, "outbox");
        Assert.Contains("5 sent, 1 failed", listed.Out, StringComparison.Ordinal);
        Assert.Contains("mailbox unknown", listed.Out, StringComparison.Ordinal);

        Assert.Equal(3, (await Notices(environment, "outbox", "retry", "1")).ExitCode);
        var retry = await Notices(environment, "outbox", "retry", "2");
        Assert.Equal(0, retry.ExitCode);
        var again = await Notices(environment, "send", "half-year");

        Assert.Equal(0, again.ExitCode);
        var sentNow = again.Out.Split('\n').Single(l => l.Contains(": sent,", StringComparison.Ordinal));
        Assert.Contains("key 2", sentNow, StringComparison.Ordinal);
        Assert.Equal(6, server.DistinctAccepted);
        Assert.Equal(6, server.RawAccepted);
    }

    private static Dictionary<string, string> Smtp(LoopbackSmtpServer server) => new()
    {
        ["NOTICES__Smtp__Host"] = "127.0.0.1",
        ["NOTICES__Smtp__Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NOTICES__Smtp__Security"] = "None",
        ["NOTICES__Smtp__From"] = "bulletins@shili.example",
    };
}
