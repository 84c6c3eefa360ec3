using Notices.Core;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Notices.Delivery.Bulletins;

/// <summary>
/// The mail's Scriban template (<c>templates/mail.txt</c>), which staff edit: its first line
/// renders the subject, the rest the plain-text body. It runs with Scriban's limits on and
/// unknown names refused, so a typo shows up as a problem rather than a blank.
/// </summary>
public sealed class MailTemplate
{
    private readonly Template template;
    private readonly string path;

    private MailTemplate(Template template, string path)
    {
        this.template = template;
        this.path = path;
    }

    /// <summary>Reads and parses the template at <paramref name="path"/>.</summary>
    /// <exception cref="ProblemException">It is missing or does not parse; each problem has its line.</exception>
    public static MailTemplate Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ProblemException(new Problem(
                path, 0, "", "the mail template is missing; restore templates/mail.txt from the repository."));
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses template text; <paramref name="path"/> names it in problems.</summary>
    /// <exception cref="ProblemException">It does not parse.</exception>
    public static MailTemplate Parse(string text, string path)
    {
        var template = Template.Parse(text, path);
        if (template.HasErrors)
        {
            throw new ProblemException(template.Messages
                .Select(m => new Problem(path, m.Span.Start.Line + 1, $"column {m.Span.Start.Column + 1}", m.Message))
                .ToList());
        }
        return new MailTemplate(template, path);
    }

    /// <summary>Renders the subject (first line) and body (the rest) for one recipient.</summary>
    /// <exception cref="ProblemException">The template uses a name it is not given, or breaks a limit.</exception>
    public (string Subject, string Body) Render(MailData data)
    {
        var globals = new ScriptObject();
        globals.Import(data, renamer: member => StandardMemberRenamer.Rename(member));
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = 1000,
            RecursiveLimit = 20,
            LimitToString = 100_000,
        };
        context.PushGlobal(globals);

        string text;
        try
        {
            text = template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new ProblemException(new Problem(
                path, e.Span.Start.Line + 1, $"column {e.Span.Start.Column + 1}",
                $"{e.OriginalMessage} Names the mail template can use: title, number, district, unit, "
                + "recipient, period, date."));
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var subject = lines[0].Trim();
        if (subject.Length == 0)
        {
            throw new ProblemException(new Problem(
                path, 1, "", "the first line (the subject) renders empty; put the subject there."));
        }

        // Mail bodies end lines with CRLF (RFC 5322 §2.3); MimeKit does that when it writes.
        var body = string.Join("\n", lines.Skip(1)).Trim('\n') + "\n";
        return (subject, body);
    }
}
