using Notices.Core;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Notices.Documents.Templating;

/// <summary>
/// Renders a Scriban template in a sandbox: only the given <see cref="ScriptObject"/> is
/// visible (no .NET member access, no includes, no file access), loops, recursion, string and
/// output sizes are capped and the render is cancelled after a time limit. Every parse or
/// runtime error becomes a <see cref="Problem"/> naming the template file, line and column.
/// </summary>
public sealed class TemplateRunner
{
    private readonly TemplateLimits limits;

    /// <summary>Creates a runner with the given limits (default: <see cref="TemplateLimits.Default"/>).</summary>
    public TemplateRunner(TemplateLimits? limits = null)
    {
        this.limits = limits ?? TemplateLimits.Default;
    }

    /// <summary>Parses and renders a template file.</summary>
    /// <param name="path">The template file; its name is used in error messages.</param>
    /// <param name="data">The only data the template sees.</param>
    /// <param name="cancellationToken">Stops the render early.</param>
    /// <exception cref="ProblemException">The template has errors or broke a limit.</exception>
    public string RenderFile(string path, ScriptObject data, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new ProblemException(new Problem(path, 0, "",
                "template not found; copy it from the templates folder of the release."));
        }
        return Render(File.ReadAllText(path), path, data, cancellationToken);
    }

    /// <summary>Parses and renders template text.</summary>
    /// <param name="text">The template.</param>
    /// <param name="file">The name to use in error messages.</param>
    /// <param name="data">The only data the template sees.</param>
    /// <param name="cancellationToken">Stops the render early.</param>
    /// <exception cref="ProblemException">The template has errors or broke a limit.</exception>
    public string Render(string text, string file, ScriptObject data, CancellationToken cancellationToken = default)
    {
        var template = Template.Parse(text, file);
        if (template.HasErrors)
        {
            var problems = template.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => At(file, m.Span, m.Message))
                .ToList();
            throw new ProblemException(problems);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var context = CreateContext(data, timeout.Token);
        try
        {
            return template.Render(context);
        }
        catch (ScriptAbortException e)
        {
            throw new ProblemException(At(file, e.Span,
                $"the template ran longer than {limits.Timeout.TotalSeconds:0.#} s and was stopped; "
                + "look for a loop that never ends."));
        }
        catch (OperationCanceledException)
        {
            throw new ProblemException(new Problem(file, 0, "",
                $"the template ran longer than {limits.Timeout.TotalSeconds:0.#} s and was stopped; "
                + "look for a loop that never ends."));
        }
        catch (ScriptRuntimeException e)
        {
            throw new ProblemException(At(file, e.Span, e.OriginalMessage));
        }
    }

    private TemplateContext CreateContext(ScriptObject data, CancellationToken token)
    {
        var context = new TemplateContext
        {
            LoopLimit = limits.LoopLimit,
            LoopLimitQueryable = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            LimitToString = limits.StringLimit,
            OutputLimit = limits.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 32,

            // The sandbox: no reflection over .NET objects, no include/import of files, and an
            // unknown name is an error the clerk sees instead of silent blank text.
            EnableRelaxedMemberAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedTargetAccess = false,
            TemplateLoader = null,
            StrictVariables = true,
            MemberFilter = _ => false,
            CancellationToken = token,
            NewLine = "\n",
        };
        context.PushGlobal(data);
        return context;
    }

    private static Problem At(string file, SourceSpan span, string message) =>
        new(file, span.Start.Line + 1, $"column {span.Start.Column + 1}", message);
}
