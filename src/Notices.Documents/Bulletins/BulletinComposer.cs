using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Markdown;
using Notices.Documents.Model;
using Notices.Documents.Templating;

namespace Notices.Documents.Bulletins;

/// <summary>
/// Makes a bulletin's <see cref="OfficialDocument"/>: renders the kind's template
/// (<c>templates/&lt;kind&gt;.md</c>) in the sandbox with the bulletin data, then reads the
/// Markdown into the model, drawing the 考核表 where the template writes <c>{{ score_table }}</c>.
/// </summary>
public sealed class BulletinComposer
{
    private readonly TemplateRunner runner;
    private readonly OfficialLayout layout;

    /// <summary>Creates a composer.</summary>
    /// <param name="limits">Template sandbox limits; defaults when null.</param>
    /// <param name="layout">Page layout; GB/T 9704 when null.</param>
    public BulletinComposer(TemplateLimits? limits = null, OfficialLayout? layout = null)
    {
        runner = new TemplateRunner(limits);
        this.layout = layout ?? OfficialLayout.Gb9704;
    }

    /// <summary>Composes one district's bulletin.</summary>
    /// <param name="request">What to compose.</param>
    /// <param name="cancellationToken">Stops the template early.</param>
    /// <exception cref="Core.ProblemException">The template has errors or broke a limit.</exception>
    public OfficialDocument Compose(BulletinRequest request, CancellationToken cancellationToken = default)
    {
        var units = request.Scorecard.For(request.District);
        var summary = BulletinSummary.Of(request.Scorecard, request.District, request.ThresholdShare);
        var data = BulletinData.Build(request.Scheme, request.District, request.Scorecard, request.Info,
            summary, request.Draft);

        var template = Path.Combine(request.Templates, request.Info.Kind + ".md");
        var markdown = runner.RenderFile(template, data, cancellationToken);

        var named = new Dictionary<string, Func<IReadOnlyList<Block>>>
        {
            [BulletinData.ScoreTableMarker[2..^2]] = () =>
                ScoreTableBuilder.Build(request.Scheme, units, request.Scorecard.AsOf, layout),
        };
        return new MarkdownDocumentReader(named).Read(markdown, template, request.Draft, layout);
    }
}
