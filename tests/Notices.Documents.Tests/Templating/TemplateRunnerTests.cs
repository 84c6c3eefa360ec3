using Notices.Core;
using Notices.Documents.Templating;
using Scriban.Runtime;

namespace Notices.Documents.Tests.Templating;

public sealed class TemplateRunnerTests
{
    private static ScriptObject Data() => new() { ["name"] = "城关", ["units"] = new ScriptArray { "甲", "乙" } };

    [Fact]
    public void Render_FillsInTheData()
    {
        var text = new TemplateRunner().Render("{{ name }}：{{ units | array.join \"、\" }}", "t.md", Data());

        Assert.Equal("城关：甲、乙", text);
    }

    [Fact]
    public void ParseError_NamesFileLineAndColumn()
    {
        var e = Assert.Throws<ProblemException>(() =>
            new TemplateRunner().Render("第一行\n第二行 {{ if name }\n", "half-year.md", Data()));

        var problem = e.Problems[0];
        Assert.Equal("half-year.md", problem.File);
        Assert.Equal(2, problem.Line);
        Assert.StartsWith("column ", problem.Column, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownName_IsARuntimeErrorWithItsPlace()
    {
        var e = Assert.Throws<ProblemException>(() =>
            new TemplateRunner().Render("一\n二\n  {{ nmae }}", "q3.md", Data()));

        var problem = e.Problems.Single();
        Assert.Equal(3, problem.Line);
        Assert.Equal("column 6", problem.Column);
        Assert.Contains("nmae", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndlessLoop_StopsAtTheLoopLimit()
    {
        var e = Assert.Throws<ProblemException>(() =>
            new TemplateRunner().Render("{{ while true }}x{{ end }}", "annual.md", Data()));

        Assert.Equal("annual.md", e.Problems[0].File);
        Assert.Equal(1, e.Problems[0].Line);
    }

    [Fact]
    public void EndlessLoop_StopsAtTheTimeLimit_WhenTheLoopLimitIsOff()
    {
        var limits = new TemplateLimits { Timeout = TimeSpan.FromMilliseconds(300), LoopLimit = 0 };

        var e = Assert.Throws<ProblemException>(() =>
            new TemplateRunner(limits).Render("{{ n = 0 }}{{ while true }}{{ n = n + 1 }}{{ end }}", "t.md", Data()));

        Assert.True(e.Problems[0].Message.Contains("longer than", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void DeepRecursion_StopsAtTheRecursionLimit()
    {
        var template = "{{ func f(n)\n ret f(n + 1)\nend }}{{ f(1) }}";

        Assert.Throws<ProblemException>(() => new TemplateRunner().Render(template, "t.md", Data()));
    }

    [Fact]
    public void HugeOutput_StopsAtTheOutputLimit()
    {
        var limits = new TemplateLimits { OutputLimit = 1000 };

        Assert.Throws<ProblemException>(() =>
            new TemplateRunner(limits).Render("{{ for i in 1..5000 }}0123456789{{ end }}", "t.md", Data()));
    }

    [Fact]
    public void Include_CannotReadFiles()
    {
        var e = Assert.Throws<ProblemException>(() =>
            new TemplateRunner().Render("{{ include '/etc/passwd' }}", "t.md", Data()));

        Assert.Equal(1, e.Problems[0].Line);
    }

    [Fact]
    public void DotNetMembers_AreNotReachable()
    {
        var data = Data();
        data["clock"] = new Uri("https://example.org/secret");

        var text = "";
        var error = Record.Exception(() => text = new TemplateRunner().Render("{{ clock.host }}", "t.md", data));

        Assert.True(error is ProblemException || !text.Contains("example.org", StringComparison.Ordinal));
    }

    [Fact]
    public void LongLoop_WithinTheLoopLimit_Runs()
    {
        var template = "{{ n = 0 }}{{ for i in 1..5000 }}{{ n = n + 1 }}{{ end }}{{ n }}";

        var text = new TemplateRunner().Render(template, "t.md", Data());

        Assert.Equal("5000", text);
    }
}
