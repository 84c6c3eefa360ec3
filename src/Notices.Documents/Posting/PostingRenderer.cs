using Notices.Documents.Bulletins;
using Notices.Documents.Templating;

namespace Notices.Documents.Posting;

/// <summary>
/// Renders the web posting (<c>templates/posting.html</c>) of one bulletin: a self-contained
/// page with the ranking, per-category scores and an SVG bar chart. The template escapes every
/// field with <c>html.escape</c>; it runs in the same sandbox as the bulletin templates.
/// </summary>
public sealed class PostingRenderer
{
    /// <summary>The posting template's file name in the templates folder.</summary>
    public const string TemplateName = "posting.html";

    private readonly TemplateRunner runner;

    /// <summary>Creates a renderer with the given sandbox limits (defaults when null).</summary>
    public PostingRenderer(TemplateLimits? limits = null)
    {
        runner = new TemplateRunner(limits);
    }

    /// <summary>The posting's HTML.</summary>
    /// <exception cref="Core.ProblemException">The template has errors or broke a limit.</exception>
    public string Render(BulletinRequest request, CancellationToken cancellationToken = default)
    {
        var summary = BulletinSummary.Of(request.Scorecard, request.District, request.ThresholdShare);
        var data = BulletinData.Build(request.Scheme, request.District, request.Scorecard, request.Info,
            summary, request.Draft);
        return runner.RenderFile(Path.Combine(request.Templates, TemplateName), data, cancellationToken);
    }
}
