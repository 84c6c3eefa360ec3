namespace Notices.Documents.Tests.Golden;

/// <summary>
/// Compares text with a golden file kept beside the tests (tests/Notices.Documents.Tests/Golden).
/// Run with NOTICES_UPDATE_GOLDEN=1 to write the current text as the new golden file, then
/// review the change in git before committing it.
/// </summary>
internal static class GoldenFile
{
    public static void Check(string name, string actual)
    {
        var path = Repository.Path(System.IO.Path.Combine("tests", "Notices.Documents.Tests", "Golden", name));
        if (Environment.GetEnvironmentVariable("NOTICES_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with NOTICES_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
