using System.Globalization;
using System.Text;
using Notices.Core.Schemes;

namespace Notices.Core.Samples;

/// <summary>
/// Makes city-sized data for load tests and benchmarks: a scheme with many districts (the
/// seed's items and rules, generated districts and units) and a year of evidence for it.
/// The same seed gives the same files.
/// </summary>
public static class CityGenerator
{
    /// <summary>One finding in this many is withdrawn by a later row.</summary>
    public const int WithdrawnEvery = 200;

    private static readonly string[] DistrictNames =
    [
        "东城", "西城", "南山", "北湖", "中山", "河西",
        "江北", "高新", "滨海", "临港", "青云", "新港",
    ];

    /// <summary>
    /// Writes a scheme: everything of <paramref name="seedSchemePath"/> before its
    /// <c>districts:</c> key, then <paramref name="districts"/> districts sharing
    /// <paramref name="units"/> units between them.
    /// </summary>
    public static string SchemeYaml(string seedSchemePath, int districts, int units)
    {
        if (districts < 1 || units < districts)
            throw new ArgumentOutOfRangeException(
                nameof(units), "need at least one district and one unit per district");

        var seed = File.ReadAllText(seedSchemePath);
        var cut = seed.IndexOf("\ndistricts:", StringComparison.Ordinal);
        if (cut < 0)
            throw new InvalidDataException($"{seedSchemePath} has no districts: key to replace");

        var yaml = new StringBuilder(seed[..(cut + 1)]);
        yaml.AppendLine("districts:");
        var next = 0;
        for (var d = 0; d < districts; d++)
        {
            var name = DistrictName(d);
            var id = $"d{d + 1:00}";
            var count = units / districts + (d < units % districts ? 1 : 0);
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - id: {id}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    name: {name}区");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    government: {name}区人民政府");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    addresses: [gov@{id}.example]");
            yaml.AppendLine("    bulletin:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      issuer: {name}区人民政府办公室");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      number_prefix: {name[..1]}政办发");
            yaml.AppendLine("      numbers: { half-year: 12, q3: 18, annual: 25 }");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      signature: {name}区人民政府办公室");
            yaml.AppendLine("      copy_to: [市住房和城乡建设局]");
            yaml.AppendLine("      copy_addresses: [wuye@zjj.example]");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      printed_by: {name}区人民政府办公室");
            yaml.AppendLine("    units:");
            for (var u = 0; u < count; u++, next++)
            {
                var unitId = $"{name}{u + 1:000}";
                yaml.AppendLine(CultureInfo.InvariantCulture,
                    $"      - {{ id: {unitId}, name: {name}区第{u + 1}街道办事处, "
                    + $"addresses: [u{next + 1:0000}@{id}.example] }}");
            }
        }
        return yaml.ToString();
    }

    /// <summary>
    /// Writes about <paramref name="rows"/> evidence rows for every unit of <paramref name="scheme"/>:
    /// each report handed in (mostly on time, some late, a few never), judged scores for every
    /// judged rule, and the remaining rows as findings spread over the year, of which one in
    /// <see cref="WithdrawnEvery"/> carries an id and is withdrawn at the end of the file, as
    /// a clerk's corrections are.
    /// </summary>
    public static void WriteEvidence(Scheme scheme, int rows, int seed, TextWriter output)
    {
        var random = new Random(seed);
        output.WriteLine("unit,item,fact,value,date,note,id,voids");
        var findings = scheme.Items
            .SelectMany(i => i.Rules
                .Where(r => r.Kind is FactKind.Count or FactKind.Flag)
                .Select(r => (Item: i, Rule: r)))
            .ToList();
        var perUnit = Math.Max(1, rows / scheme.Units.Count);
        var written = 0;
        var yearStart = new DateOnly(scheme.Year, 1, 1);
        var withdrawn = new List<string>();

        foreach (var unit in scheme.Units)
        {
            var start = written;
            foreach (var item in scheme.Items)
            {
                foreach (var rule in item.Rules)
                {
                    var deadline = item.Node.FirstDue(scheme.Year);
                    if (rule is SubmissionRule)
                    {
                        var roll = random.Next(100);
                        if (roll < 3)
                            continue;
                        var day = roll < 85
                            ? deadline.AddDays(-random.Next(0, 20))
                            : deadline.AddDays(random.Next(1, 6));
                        Row(output, unit.Id, item.Id, rule.Fact, "", Clamp(day, scheme.Year), $"报送{item.Id}");
                        written++;
                    }
                    else if (rule is JudgedRule judged)
                    {
                        var score = Math.Round((decimal)random.NextDouble() * judged.Max, 1);
                        Row(output, unit.Id, item.Id, rule.Fact, Number(score), deadline.AddDays(-5), "抽查");
                        written++;
                    }
                }
            }

            // Findings are sparse per unit in a real year; a large target is reached by many single findings.
            while (written - start < perUnit)
            {
                var (item, rule) = findings[random.Next(findings.Count)];
                var date = yearStart.AddDays(random.Next(0, 365));
                var value = rule.Kind == FactKind.Count && random.Next(4) == 0
                    ? random.Next(2, 4).ToString(CultureInfo.InvariantCulture)
                    : "";
                var id = "";
                if (random.Next(WithdrawnEvery) == 0)
                {
                    id = $"{unit.Id}-{written - start + 1}";
                    withdrawn.Add(id);
                }
                Row(output, unit.Id, item.Id, rule.Fact, value, date, "", id);
                written++;
            }
        }

        foreach (var id in withdrawn)
            output.WriteLine($",,,,,核实有误，撤销,,{id}");
    }

    private static string DistrictName(int index) =>
        index < DistrictNames.Length
            ? DistrictNames[index]
            : DistrictNames[index % DistrictNames.Length]
                + (index / DistrictNames.Length + 1).ToString(CultureInfo.InvariantCulture);

    private static DateOnly Clamp(DateOnly date, int year) =>
        date.Year > year ? new DateOnly(year, 12, 31) : date;

    private static void Row(TextWriter output, string unit, string item, string fact, string value,
        DateOnly date, string note, string id = "") =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{unit},{item},{fact},{value},{date:yyyy-MM-dd},{note},{id},"));

    private static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
