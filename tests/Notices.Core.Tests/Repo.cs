using Notices.Core.Schemes;

namespace Notices.Core.Tests;

/// <summary>Finds files of the repository (seeds, templates) from a test's output folder.</summary>
internal static class Repo
{
    private static readonly Lazy<Scheme> SeedScheme = new(() => SchemeLoader.Load(Path("seeds/scheme-2021.yaml")));

    public static string Root { get; } = FindRoot();

    /// <summary>The 2021 scheme from seeds/, loaded once.</summary>
    public static Scheme Scheme2021 => SeedScheme.Value;

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Notices.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Notices.sln not found above the test folder");
    }
}
