using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Xunit.Abstractions;

namespace Notices.Documents.Tests.Writers;

/// <summary>The Open XML SDK's own validator over a written DOCX.</summary>
internal static class DocxValidity
{
    /// <summary>Fails when the validator reports anything; the first errors go to the test output.</summary>
    public static void AssertValid(Stream docx, ITestOutputHelper output)
    {
        using var package = WordprocessingDocument.Open(docx, false);

        var errors = new OpenXmlValidator().Validate(package).ToList();
        foreach (var error in errors.Take(20))
            output.WriteLine($"{error.Path?.XPath}: {error.Description}");

        Assert.Empty(errors);
    }
}
