using Notices.Documents.Bulletins;
using Notices.Documents.Tests.Golden;
using Notices.Documents.Writers;

namespace Notices.Documents.Tests.Bulletins;

public sealed class BulletinTextTests
{
    [Theory]
    [InlineData("half-year")]
    [InlineData("q3")]
    [InlineData("annual")]
    public void Bulletin_RendersTheGoldenText(string kind)
    {
        var document = new BulletinComposer().Compose(Samples.Request(kind));

        GoldenFile.Check($"{kind}.txt", DocumentText.Flatten(document));
    }
}
