namespace Notices.Core.Schemes;

/// <summary>Reads and validates a scheme file (YAML).</summary>
public static class SchemeLoader
{
    /// <summary>Loads the scheme at <paramref name="path"/>; every problem is reported at once.</summary>
    /// <exception cref="ProblemException">The file is missing or has problems; each names its line.</exception>
    public static Scheme Load(string path) =>
        throw new NotImplementedException("scheme loading lands with the scheme file");
}
