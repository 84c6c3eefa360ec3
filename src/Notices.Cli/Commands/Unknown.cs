using Notices.Core;
using Notices.Core.Schemes;

namespace Notices.Cli.Commands;

/// <summary>Errors for names given on the command line that the scheme does not know.</summary>
internal static class Unknown
{
    public static ProblemException District(Scheme scheme, string name) =>
        new(new Problem("--district", 0, "",
            $"no district \"{name}\" in the scheme; known: "
            + string.Join(", ", scheme.Districts.Select(d => $"{d.Id} ({d.Name})"))));

    public static ProblemException Bulletin(Scheme scheme, string kind) =>
        new(new Problem("bulletin", 0, "",
            $"no bulletin \"{kind}\" in the scheme; known: {string.Join(", ", scheme.Bulletins.Select(b => b.Kind))}"));
}
