using System.Text.Json;
using Notices.Core;

namespace Notices.Delivery.Bulletins;

/// <summary>
/// The <c>manifest.json</c> the renderer writes beside a bulletin in
/// <c>output/&lt;year&gt;/&lt;kind&gt;/&lt;district&gt;/</c>: what was rendered, as of when, and whether
/// it is only a draft.
/// </summary>
public sealed record BulletinManifest(
    string Kind,
    string District,
    int Year,
    string? AsOf,
    string Title,
    string Number,
    bool Draft,
    BulletinFiles Files)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The manifest's name in a bulletin's folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The folder a bulletin is rendered to under <paramref name="outputRoot"/>.</summary>
    public static string FolderOf(string outputRoot, int year, string kind, string district) =>
        Path.Combine(outputRoot, year.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, district);

    /// <summary>Reads the manifest in <paramref name="folder"/>.</summary>
    /// <exception cref="NoticesRefusedException">There is no rendering there, or it cannot be read.</exception>
    public static BulletinManifest Read(string folder, string renderHint)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new NoticesRefusedException(
                $"No rendered bulletin at {path}; run `{renderHint}` first, then send again.");
        }

        try
        {
            return JsonSerializer.Deserialize<BulletinManifest>(File.ReadAllText(path), Options)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new NoticesRefusedException(
                $"{path}: {e.Message} The manifest is written by the renderer; run `{renderHint}` again.");
        }
    }
}
