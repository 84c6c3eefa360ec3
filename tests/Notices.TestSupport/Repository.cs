namespace Notices.TestSupport;

/// <summary>Finds files of the repository (seeds, templates) from a test's output folder.</summary>
public static class Repository
{
    /// <summary>The folder holding Notices.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The full path of <paramref name="relative"/> (seeds/scheme-2021.yaml) in the repository.
    /// </summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null
            && !File.Exists(System.IO.Path.Combine(folder.FullName, "Notices.sln")))
            folder = folder.Parent;
        return folder?.FullName
            ?? throw new InvalidOperationException("Notices.sln not found above the test's output folder");
    }
}
