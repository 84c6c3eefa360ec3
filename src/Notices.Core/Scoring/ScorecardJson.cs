using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Notices.Core.Scoring;

/// <summary>
/// Writes a scorecard in the spec's JSON shape ("Score output"): numbers with at most one
/// decimal, units and items in scheme order, null deduction and score for pending and
/// not-due items. Adds name, district and each deduction's records.
/// </summary>
public static class ScorecardJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Chinese stays readable; the output is data, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Compact = Options with { Indented = false };

    /// <summary>Writes <paramref name="card"/> to <paramref name="output"/> as UTF-8.</summary>
    /// <param name="card">The scorecard.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="indented">One value per line, for people; false for storage, where the
    /// indenting of a large district's record lists would be two thirds of the text.</param>
    public static void Write(Scorecard card, Stream output, bool indented = true)
    {
        using var json = new Utf8JsonWriter(output, indented ? Options : Compact);
        json.WriteStartObject();
        json.WriteString("asOf", card.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Number(json, "available", card.Available);
        json.WriteStartArray("units");
        foreach (var unit in card.Units)
        {
            json.WriteStartObject();
            json.WriteString("unit", unit.Unit.Id);
            json.WriteString("name", unit.Unit.Name);
            json.WriteString("district", unit.District.Id);
            Number(json, "score", unit.Score);
            Number(json, "available", unit.Available);
            json.WriteNumber("rank", unit.Rank);
            json.WriteStartArray("items");
            foreach (var item in unit.Items)
                WriteItem(json, item);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The JSON of <paramref name="card"/> as text (see <see cref="Write"/>).</summary>
    public static string ToJson(Scorecard card, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(card, buffer, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter json, ItemScore item)
    {
        json.WriteStartObject();
        json.WriteString("item", item.Item.Id);
        Number(json, "max", item.Max);
        Number(json, "deduction", item.Deduction);
        Number(json, "score", item.Score);
        json.WriteString("status", Status(item.Status));
        json.WriteStartArray("deductions");
        foreach (var line in item.Deductions)
        {
            json.WriteStartObject();
            json.WriteString("fact", line.Fact);
            json.WriteString("reason", line.Reason);
            Number(json, "points", line.Points);
            json.WriteStartArray("records");
            foreach (var record in line.Records)
                json.WriteStringValue(record);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The spec's status words: scored, pending, not-due.</summary>
    public static string Status(ItemStatus status) => status switch
    {
        ItemStatus.Scored => "scored",
        ItemStatus.Pending => "pending",
        _ => "not-due",
    };

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }

        // Every value is a multiple of 0.1; the format drops a trailing ".0" (5.0 -> 5).
        json.WritePropertyName(name);
        json.WriteRawValue(value.Value.ToString("0.##########", CultureInfo.InvariantCulture));
    }
}
