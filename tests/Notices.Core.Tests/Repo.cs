using Notices.Core.Schemes;

namespace Notices.Core.Tests;

/// <summary>The repository's files as the core tests use them.</summary>
internal static class Repo
{
    private static readonly Lazy<Scheme> SeedScheme =
        new(() => SchemeLoader.Load(Repository.Path("seeds/scheme-2021.yaml")));

    public static string Root => Repository.Root;

    /// <summary>The 2021 scheme from seeds/, loaded once.</summary>
    public static Scheme Scheme2021 => SeedScheme.Value;

    public static string Path(string relative) => Repository.Path(relative);
}
