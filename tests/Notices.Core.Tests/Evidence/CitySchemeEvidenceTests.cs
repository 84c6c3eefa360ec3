using Notices.Core.Evidence;
using Notices.Core.Samples;
using Notices.Core.Schemes;

namespace Notices.Core.Tests.Evidence;

public sealed class CitySchemeEvidenceTests
{
    [Fact]
    public void UnknownUnit_InACityScheme_NamesAFewUnitsAndTheirCount()
    {
        var folder = Directory.CreateTempSubdirectory("notices-city-");
        try
        {
            var path = Path.Combine(folder.FullName, "city.yaml");
            File.WriteAllText(path, CityGenerator.SchemeYaml(Repo.Path("seeds/scheme-2021.yaml"), 2, 40));
            var scheme = SchemeLoader.Load(path);
            using var stream = new MemoryStream(
                "unit,item,fact,value,date\n城关,1.1,submitted,,2021-05-08\n"u8.ToArray());

            var e = Assert.Throws<ProblemException>(() => EvidenceReader.Read(stream, "city.csv", scheme));

            var first = string.Join(", ", scheme.Units.Take(3).Select(u => u.Id));
            Assert.Equal("city.csv:2: unit: \"城关\" is not a unit of the scheme; write a unit's short id or "
                + $"full name as the scheme file lists them (40 units), e.g. {first}", e.Problems.Single().ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
