using Notices.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Notices.Documents.Markdown;

/// <summary>
/// The official-document parts a bulletin template states in its YAML front matter:
/// <c>issuer</c> (the red mark, e.g. 示例区人民政府办公室文件), <c>number</c>, <c>recipients</c>,
/// <c>signature</c>, <c>date</c>, <c>copy_to</c>, <c>printed_by</c>, <c>printed_date</c>,
/// <c>subject</c> and <c>keywords</c>. Unknown keys are errors, so a misspelt key is caught.
/// </summary>
public sealed record FrontMatter
{
    private static readonly HashSet<string> Keys =
    [
        "issuer", "number", "recipients", "signature", "date", "copy_to", "printed_by",
        "printed_date", "subject", "keywords", "author",
    ];

    /// <summary>发文机关标志 as printed in red.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>发文字号.</summary>
    public string Number { get; init; } = "";

    /// <summary>主送机关.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>发文机关署名.</summary>
    public string Signature { get; init; } = "";

    /// <summary>成文日期 as printed.</summary>
    public string Date { get; init; } = "";

    /// <summary>抄送机关.</summary>
    public IReadOnlyList<string> CopyTo { get; init; } = [];

    /// <summary>印发机关.</summary>
    public string PrintedBy { get; init; } = "";

    /// <summary>印发日期 as printed.</summary>
    public string PrintedDate { get; init; } = "";

    /// <summary>The file's subject property.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The file's author property; the signature when empty.</summary>
    public string Author { get; init; } = "";

    /// <summary>The file's keywords.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>
    /// Splits <c>---</c> fenced front matter off the top of <paramref name="text"/>.
    /// </summary>
    /// <returns>The front matter, the rest of the text, and how many lines the front matter took.</returns>
    /// <exception cref="ProblemException">The front matter is not valid YAML or has unknown keys.</exception>
    public static (FrontMatter Front, string Body, int BodyLine) Split(string text, string source)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return (new FrontMatter(), text, 0);

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ProblemException(new Problem(source, 1, "",
                "the front matter opened with --- is never closed; end it with a line of ---."));
        }

        var yaml = text[4..(end + 1)];
        var body = text[(end + 5)..];
        var bodyLine = yaml.Count(c => c == '\n') + 2;
        return (Parse(yaml, source), body, bodyLine);
    }

    private static FrontMatter Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // Line 1 of the YAML is line 2 of the rendered text (after the opening ---).
            throw new ProblemException(new Problem(source, (int)e.Start.Line + 1,
                $"column {e.Start.Column}", $"front matter: {e.Message}"));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            return new FrontMatter();

        var problems = new List<Problem>();
        var values = new Dictionary<string, YamlNode>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (!Keys.Contains(key))
            {
                problems.Add(new Problem(source, (int)keyNode.Start.Line + 1, $"column {keyNode.Start.Column}",
                    $"front matter key '{key}' is unknown; use one of {string.Join(", ", Keys.Order())}."));
                continue;
            }
            values[key] = value;
        }
        if (problems.Count > 0)
            throw new ProblemException(problems);

        string Text(string key) => values.TryGetValue(key, out var node) && node is YamlScalarNode s
            ? (s.Value ?? "").Trim()
            : "";
        IReadOnlyList<string> List(string key) => values.TryGetValue(key, out var node)
            ? node switch
            {
                YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>()
                    .Select(s => (s.Value ?? "").Trim()).Where(s => s.Length > 0).ToList(),
                YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value.Trim()],
                _ => [],
            }
            : [];

        return new FrontMatter
        {
            Issuer = Text("issuer"),
            Number = Text("number"),
            Recipients = List("recipients"),
            Signature = Text("signature"),
            Date = Text("date"),
            CopyTo = List("copy_to"),
            PrintedBy = Text("printed_by"),
            PrintedDate = Text("printed_date"),
            Subject = Text("subject"),
            Author = Text("author"),
            Keywords = List("keywords"),
        };
    }
}
