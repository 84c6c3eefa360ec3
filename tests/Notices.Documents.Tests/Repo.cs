namespace Notices.Documents.Tests;

/// <summary>Finds files of the repository (seeds, templates) from a test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Notices.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Notices.sln not found above the test folder");
    }
}
