using Microsoft.Extensions.Time.Testing;
using Notices.Core;
using Notices.Core.Schemes;
using Notices.Core.Storage;
using Notices.Delivery.Bulletins;
using Notices.Delivery.Tests.Support;

namespace Notices.Delivery.Tests;

public sealed class BulletinMailerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly Outbox outbox;
    private readonly BulletinMailer mailer;
    private readonly Scheme scheme = Samples.Scheme();

    public BulletinMailerTests()
    {
        outbox = new Outbox(Database.Sqlite(folder.File("notices.db")), time);
        var template = MailTemplate.Load(Samples.RepositoryTemplate);
        mailer = new BulletinMailer(outbox, template, folder.File("output"), "bureau.example");
    }

    public void Dispose() => folder.Dispose();

    private District Shili => scheme.Districts[0];

    [Fact]
    public void Recipients_AreTheGovernmentEveryUnitAndTheCopies_EachAddressOnce()
    {
        var units = new List<Unit>
        {
            new("城关", "城关街道办事处", ["chengguan@shili.example", " GOV@shili.example "]),
            new("东街", "东街街道办事处", ["dongjie@shili.example", ""]),
        };
        var district = Samples.Scheme(units).Districts[0];

        var recipients = Recipients.Of(district);

        Assert.Equal(
            [
                new Recipient("gov@shili.example", "示例区人民政府", ""),
                new Recipient("chengguan@shili.example", "城关街道办事处", "城关街道办事处"),
                new Recipient("dongjie@shili.example", "东街街道办事处", "东街街道办事处"),
                new Recipient("zjj@city.example", "市住房和城乡建设局", ""),
            ],
            recipients);
    }

    [Fact]
    public async Task Queue_ARenderedBulletin_QueuesOneMessagePerRecipient_WithPdfAndDocxNamedByTitle()
    {
        Samples.Render(folder.File("output"));

        var queued = await mailer.QueueAsync(scheme, "half-year", Shili);

        Assert.Equal(5, queued.Count);
        Assert.All(queued, q => Assert.True(q.Queued));
        var toUnit = queued.Single(q => q.Message.Recipient == "chengguan@shili.example").Message;
        Assert.Equal($"{Samples.Title}（{Samples.Number}）", toUnit.Subject);
        Assert.StartsWith("城关街道办事处：", toUnit.Body, StringComparison.Ordinal);
        Assert.Contains("请城关街道办事处对照通报", toUnit.Body, StringComparison.Ordinal);
        Assert.Contains("2021年6月25日", toUnit.Body, StringComparison.Ordinal);
        Assert.Equal(
            [Samples.Title + ".pdf", Samples.Title + ".docx"],
            toUnit.Attachments.Select(a => a.Name));
        Assert.All(toUnit.Attachments, a => Assert.True(File.Exists(a.Path)));

        var toGovernment = queued.Single(q => q.Message.Recipient == "gov@shili.example").Message;
        Assert.StartsWith("示例区人民政府：", toGovernment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("对照通报", toGovernment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_TheSameBulletinAgain_QueuesNothingNew()
    {
        Samples.Render(folder.File("output"));
        var first = await mailer.QueueAsync(scheme, "half-year", Shili);

        var again = await mailer.QueueAsync(scheme, "half-year", Shili);

        Assert.All(again, q => Assert.False(q.Queued));
        Assert.Equal(first.Select(q => q.Message.MessageId), again.Select(q => q.Message.MessageId));
        Assert.Equal(5, (await outbox.ListAsync()).Count);
    }

    [Fact]
    public async Task Queue_ADraft_IsRefused_AndQueuesNothing()
    {
        Samples.Render(folder.File("output"), draft: true);

        var refused = await Assert.ThrowsAsync<NoticesRefusedException>(
            () => mailer.QueueAsync(scheme, "half-year", Shili));

        Assert.Contains("draft", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await outbox.ListAsync());
    }

    [Fact]
    public async Task Queue_WithoutARendering_IsRefused_SayingToRenderFirst()
    {
        var refused = await Assert.ThrowsAsync<NoticesRefusedException>(
            () => mailer.QueueAsync(scheme, "half-year", Shili));

        Assert.Contains("notices render half-year --district shili", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await outbox.ListAsync());
    }

    [Fact]
    public async Task Queue_WhenThePdfIsMissing_IsRefused()
    {
        var rendered = Samples.Render(folder.File("output"));
        File.Delete(Path.Combine(rendered, "bulletin.pdf"));

        var refused = await Assert.ThrowsAsync<NoticesRefusedException>(
            () => mailer.QueueAsync(scheme, "half-year", Shili));

        Assert.Contains("PDF", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_AKindTheSchemeDoesNotHave_IsRefused()
    {
        await Assert.ThrowsAsync<NoticesRefusedException>(() => mailer.QueueAsync(scheme, "q1", Shili));
    }

    [Fact]
    public void Template_UsingAnUnknownName_IsAProblemOnItsLine()
    {
        var template = MailTemplate.Parse("{{ title }}\n\n{{ recipent }}：\n", "templates/mail.txt");

        var problem = Assert.Single(Assert.Throws<ProblemException>(() => template.Render(Data())).Problems);

        Assert.Equal("templates/mail.txt", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Contains("recipent", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_ThatDoesNotParse_IsAProblemOnItsLine()
    {
        var problems = Assert.Throws<ProblemException>(
            () => MailTemplate.Parse("{{ title }}\n{{ if unit }}\n", "mail.txt")).Problems;

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("mail.txt", p.File));
    }

    [Fact]
    public void Template_FirstLineIsTheSubject_TheRestTheBody()
    {
        var template = MailTemplate.Parse("{{ period }}通报\n\n{{ recipient }}：\n请查收。\n", "mail.txt");

        var (subject, body) = template.Render(Data());

        Assert.Equal("上半年通报", subject);
        Assert.Equal("城关街道办事处：\n请查收。\n", body);
    }

    private static MailData Data() =>
        new(Samples.Title, Samples.Number, "示例区", "城关街道办事处", "城关街道办事处",
            "上半年", "2021年6月25日");
}
