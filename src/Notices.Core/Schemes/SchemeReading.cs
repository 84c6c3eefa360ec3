using YamlDotNet.RepresentationModel;

namespace Notices.Core.Schemes;

/// <summary>
/// One pass over a scheme file's YAML tree that builds the model and collects problems,
/// each with the line of the node it is about and the key path to it.
/// </summary>
internal sealed class SchemeReading(string file)
{
    private static readonly string[] RootKeys =
        ["year", "title", "authority", "facts", "bulletins", "notes", "categories", "districts"];
    private static readonly string[] CategoryKeys = ["number", "name", "max", "items"];
    private static readonly string[] ItemKeys = ["id", "node", "max", "content", "method", "notes", "rules"];
    private static readonly string[] DistrictKeys = ["id", "name", "government", "addresses", "bulletin", "units"];
    private static readonly string[] BulletinKeys =
        ["issuer", "number_prefix", "numbers", "signature", "copy_to", "copy_addresses", "printed_by"];
    private static readonly string[] UnitKeys = ["id", "name", "addresses"];
    private static readonly string[] BulletinNodeKeys = ["kind", "node", "period"];

    private readonly Dictionary<string, FactKind> facts = new(StringComparer.Ordinal);
    private int year;

    public List<Problem> Problems { get; } = [];

    public Scheme? Read(YamlMappingNode root)
    {
        CheckKeys(root, RootKeys, "");
        year = Int(root, "year", "") ?? 0;
        if (year != 0 && (year < 2000 || year > 2100))
            Add(Child(root, "year")!, "year", $"{year} is not a plausible assessment year; write e.g. 2021");

        var title = Text(root, "title", "");
        var authority = Text(root, "authority", "");
        ReadFacts(root);
        var bulletins = List(root, "bulletins", "", ReadBulletinNode);
        var notes = Strings(root, "notes", "", required: false);
        var categories = List(root, "categories", "", ReadCategory);
        var districts = List(root, "districts", "", ReadDistrict);

        CheckTotals(root, categories);
        CheckUnique(districts.SelectMany(d => d.Units), u => u.Id, "units", "unit id");
        CheckUnique(districts.SelectMany(d => d.Units), u => u.Name, "units", "unit name");
        CheckUnique(districts, d => d.Id, "districts", "district id");
        CheckUnique(bulletins, b => b.Kind, "bulletins", "bulletin kind");

        if (Problems.Count > 0 || title is null || authority is null)
            return null;
        return new Scheme(year, title, authority, categories, districts,
            bulletins.OrderBy(b => b.Date).ToList(), notes);
    }

    private void ReadFacts(YamlMappingNode root)
    {
        if (Child(root, "facts") is not YamlMappingNode map)
        {
            Add(Child(root, "facts") ?? root, "facts",
                "missing or not a mapping; declare each fact's kind, e.g. submitted: submission");
            return;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var kindText = (value as YamlScalarNode)?.Value ?? "";
            FactKind? kind = kindText switch
            {
                "submission" => FactKind.Submission,
                "count" => FactKind.Count,
                "flag" => FactKind.Flag,
                "judged" => FactKind.Judged,
                _ => null,
            };
            if (kind is null)
                Add(value, $"facts.{name}",
                    $"\"{kindText}\" is not a fact kind; write submission, count, flag or judged");
            else
                facts[name] = kind.Value;
        }
    }

    private BulletinNode? ReadBulletinNode(YamlNode node, string path)
    {
        if (!IsMap(node, path, out var map))
            return null;
        CheckKeys(map, BulletinNodeKeys, path);
        var kind = Text(map, "kind", path);
        var date = MonthDayOf(map, "node", path, allowQuarterly: false);
        var period = Text(map, "period", path);
        return kind is null || date is null || period is null
            ? null
            : new BulletinNode(kind, date.FirstDue(year), period);
    }

    private Category? ReadCategory(YamlNode node, string path)
    {
        if (!IsMap(node, path, out var map))
            return null;
        CheckKeys(map, CategoryKeys, path);
        var number = Int(map, "number", path);
        var name = Text(map, "name", path);
        var max = Points(map, "max", path, required: true);
        var items = List(map, "items", path, (n, p) => ReadItem(n, p, number ?? 0));
        if (number is null || name is null || max is null)
            return null;

        var itemSum = items.Sum(i => i.Max);
        if (itemSum != max)
        {
            Add(Child(map, "max")!, $"{path}.max",
                $"category {number} is worth {max} but its items add up to {itemSum}; make them agree");
        }
        return new Category(number.Value, name, max.Value, items);
    }

    private Item? ReadItem(YamlNode node, string path, int category)
    {
        if (!IsMap(node, path, out var map))
            return null;
        CheckKeys(map, ItemKeys, path);
        var id = Text(map, "id", path);
        var itemNode = MonthDayOf(map, "node", path, allowQuarterly: true);
        var max = Points(map, "max", path, required: true);
        var content = Text(map, "content", path);
        var method = Text(map, "method", path);
        var notes = Strings(map, "notes", path, required: false);
        var rules = List(map, "rules", path, (n, p) => ReadRule(n, p, max ?? 0));

        if (id is not null && !id.StartsWith($"{category}.", StringComparison.Ordinal))
            Add(Child(map, "id")!, $"{path}.id",
                $"\"{id}\" is in category {category}; its id must start with \"{category}.\"");
        if (rules.Count == 0)
            Add(Child(map, "rules") ?? map, $"{path}.rules", "an item needs at least one rule");
        CheckUnique(rules, r => r.Fact, $"{path}.rules", "fact", map);

        if (id is null || itemNode is null || max is null || content is null || method is null)
            return null;
        return new Item(id, category, itemNode, max.Value, content, method, rules, notes);
    }

    private Rule? ReadRule(YamlNode node, string path, decimal itemMax)
    {
        if (!IsMap(node, path, out var map))
            return null;
        var fact = Text(map, "fact", path);
        if (fact is null)
            return null;
        if (!facts.TryGetValue(fact, out var kind))
        {
            Add(Child(map, "fact")!, $"{path}.fact",
                $"\"{fact}\" is not declared under facts:; declared are {string.Join(", ", facts.Keys)}");
            return null;
        }

        var label = Text(map, "label", path) ?? fact;
        switch (kind)
        {
            case FactKind.Submission:
                CheckKeys(map, ["fact", "label", "late", "missing"], path);
                var late = Points(map, "late", path, required: true, limit: itemMax);
                var missing = Points(map, "missing", path, required: true, limit: itemMax);
                return late is null || missing is null
                    ? null
                    : new SubmissionRule(fact, label, late.Value, missing.Value);
            case FactKind.Count:
                CheckKeys(map, ["fact", "label", "each", "cap"], path);
                var each = Points(map, "each", path, required: true, limit: itemMax);
                var cap = Points(map, "cap", path, required: false, limit: itemMax);
                return each is null ? null : new CountRule(fact, label, each.Value, cap);
            case FactKind.Flag:
                CheckKeys(map, ["fact", "label", "points"], path);
                var points = Points(map, "points", path, required: true, limit: itemMax);
                return points is null ? null : new FlagRule(fact, label, points.Value);
            default:
                CheckKeys(map, ["fact", "label", "max"], path);
                var judgedMax = Points(map, "max", path, required: true, limit: itemMax);
                return judgedMax is null ? null : new JudgedRule(fact, label, judgedMax.Value);
        }
    }

    private District? ReadDistrict(YamlNode node, string path)
    {
        if (!IsMap(node, path, out var map))
            return null;
        CheckKeys(map, DistrictKeys, path);
        var id = Text(map, "id", path);
        if (id is not null && !SchemeLoader.DistrictId().IsMatch(id))
        {
            Add(Child(map, "id")!, $"{path}.id",
                $"\"{id}\" cannot name a folder; use lower-case letters, digits and '-', e.g. shili");
        }
        var name = Text(map, "name", path);
        var government = Text(map, "government", path);
        var addresses = Addresses(map, "addresses", path);
        var bulletin = Child(map, "bulletin") is { } b ? ReadBulletinSettings(b, $"{path}.bulletin") : null;
        if (bulletin is null && Child(map, "bulletin") is null)
            Add(map, $"{path}.bulletin",
                "missing; say who issues the district's bulletins (issuer, number_prefix, …)");
        var units = List(map, "units", path, ReadUnit);
        if (id is null || name is null || government is null || bulletin is null)
            return null;
        return new District(id, name, government, addresses, bulletin, units);
    }

    private BulletinSettings? ReadBulletinSettings(YamlNode node, string path)
    {
        if (!IsMap(node, path, out var map))
            return null;
        CheckKeys(map, BulletinKeys, path);
        var issuer = Text(map, "issuer", path);
        var prefix = Text(map, "number_prefix", path);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Child(map, "numbers") is YamlMappingNode numberMap)
        {
            foreach (var (key, value) in numberMap.Children)
            {
                var kind = ((YamlScalarNode)key).Value ?? "";
                if (int.TryParse((value as YamlScalarNode)?.Value, out var n) && n > 0)
                    numbers[kind] = n;
                else
                    Add(value, $"{path}.numbers.{kind}", "a document number must be a whole number ≥ 1, e.g. 12");
            }
        }
        var signature = Text(map, "signature", path);
        var copyTo = Strings(map, "copy_to", path, required: false);
        var copyAddresses = Addresses(map, "copy_addresses", path);
        var printedBy = Text(map, "printed_by", path);
        if (issuer is null || prefix is null || signature is null || printedBy is null)
            return null;
        return new BulletinSettings(issuer, prefix, numbers, signature, copyTo, copyAddresses, printedBy);
    }

    private Unit? ReadUnit(YamlNode node, string path)
    {
        if (!IsMap(node, path, out var map))
            return null;
        CheckKeys(map, UnitKeys, path);
        var id = Text(map, "id", path);
        var name = Text(map, "name", path);
        var addresses = Addresses(map, "addresses", path);
        return id is null || name is null ? null : new Unit(id, name, addresses);
    }

    private void CheckTotals(YamlMappingNode root, IReadOnlyList<Category> categories)
    {
        var total = categories.Sum(c => c.Max);
        if (categories.Count > 0 && total != 100)
        {
            Add(Child(root, "categories") ?? root, "categories",
                $"the categories add up to {total} points; an assessment table is worth 100");
        }
        for (var i = 0; i < categories.Count; i++)
        {
            if (categories[i].Number != i + 1)
            {
                Add(Child(root, "categories")!, $"categories[{i}].number",
                    $"category {categories[i].Number} is in place {i + 1}; number categories 1, 2, 3 … in order");
            }
        }
    }

    private Node? MonthDayOf(YamlMappingNode map, string key, string path, bool allowQuarterly)
    {
        var text = Text(map, key, path);
        if (text is null)
            return null;
        if (allowQuarterly && text == "quarterly")
            return Node.Quarterly;

        var match = SchemeLoader.MonthDay().Match(text);
        if (match.Success && year != 0)
        {
            var month = int.Parse(match.Groups[1].Value);
            var day = int.Parse(match.Groups[2].Value);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                return Node.On(month, day);
        }
        Add(Child(map, key)!, $"{path}.{key}", allowQuarterly
            ? $"\"{text}\" is not a day of {year}; write MM-DD (e.g. 06-25) or quarterly"
            : $"\"{text}\" is not a day of {year}; write MM-DD, e.g. 06-25");
        return null;
    }

    private decimal? Points(YamlMappingNode map, string key, string path, bool required, decimal limit = 100)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
                Add(map, $"{path}.{key}", "missing; give the points, e.g. 0.5");
            return null;
        }

        var text = (node as YamlScalarNode)?.Value ?? "";
        if (!SchemeLoader.TryDecimal(text, out var value) || value <= 0 || value % 0.1m != 0)
        {
            Add(node, $"{path}.{key}",
                $"\"{text}\" is not a number of points; write a positive multiple of 0.1, e.g. 0.3");
            return null;
        }
        if (value > limit)
        {
            Add(node, $"{path}.{key}", $"{text} is more than the item's maximum of {limit}");
            return null;
        }
        return value;
    }

    private int? Int(YamlMappingNode map, string key, string path)
    {
        var node = Child(map, key);
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, out var value))
            return value;
        Add(node ?? map, Join(path, key), node is null ? "missing; write a whole number" : "must be a whole number");
        return null;
    }

    private string? Text(YamlMappingNode map, string key, string path)
    {
        var node = Child(map, key);
        if (node is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            return text.Trim();
        Add(node ?? map, Join(path, key), node is null ? "missing" : "must be non-empty text");
        return null;
    }

    private List<string> Strings(YamlMappingNode map, string key, string path, bool required)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
                Add(map, Join(path, key), "missing; write a list, e.g. [a, b]");
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Add(node, Join(path, key), "must be a list, e.g. [a, b]");
            return [];
        }
        return sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList();
    }

    private List<string> Addresses(YamlMappingNode map, string key, string path)
    {
        var list = Strings(map, key, path, required: false);
        foreach (var address in list.Where(a => !SchemeLoader.Address().IsMatch(a)))
            Add(Child(map, key)!, Join(path, key), $"\"{address}\" is not a mail address; write name@domain");
        return list;
    }

    private List<T> List<T>(YamlMappingNode map, string key, string path, Func<YamlNode, string, T?> read)
        where T : class
    {
        var node = Child(map, key);
        if (node is not YamlSequenceNode sequence)
        {
            Add(node ?? map, Join(path, key), node is null ? "missing; write a list" : "must be a list");
            return [];
        }

        var list = new List<T>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (read(sequence.Children[i], $"{Join(path, key)}[{i}]") is { } value)
                list.Add(value);
        }
        return list;
    }

    private bool IsMap(YamlNode node, string path, out YamlMappingNode map)
    {
        map = node as YamlMappingNode ?? new YamlMappingNode();
        if (node is YamlMappingNode)
            return true;
        Add(node, path, "must be a mapping of keys to values");
        return false;
    }

    private void CheckKeys(YamlMappingNode map, string[] known, string path)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!known.Contains(key.Value))
                Add(key, Join(path, key.Value ?? ""), $"unknown key; expected one of {string.Join(", ", known)}");
        }
    }

    private void CheckUnique<T>(
        IEnumerable<T> values, Func<T, string> key, string path, string what, YamlNode? at = null)
    {
        foreach (var group in values.GroupBy(key).Where(g => g.Count() > 1))
            Add(at, path, $"{what} \"{group.Key}\" appears {group.Count()} times; each must be unique");
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private void Add(YamlNode? node, string path, string message) =>
        Problems.Add(new Problem(file, node is null ? 0 : (int)node.Start.Line, path, message));
}
