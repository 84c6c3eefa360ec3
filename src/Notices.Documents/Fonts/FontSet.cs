using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Notices.Core;
using Notices.Documents.Model;

namespace Notices.Documents.Fonts;

/// <summary>
/// The faces serving the four roles of an official document, resolved from a configured
/// folder, then the system's font folders, then stand-ins (design.md, Fonts). Faces inside
/// .ttc collections are used through standalone copies; faces with CFF outlines are passed
/// over because PDFsharp embeds them whole and mislabelled.
/// </summary>
public sealed class FontSet
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<SfntFace>> FolderCache =
        new(StringComparer.Ordinal);

    private static readonly string[] FontExtensions = [".ttf", ".ttc", ".otf", ".otc"];

    private readonly Dictionary<FontRole, SfntFace> _faces;
    private readonly ConcurrentDictionary<FontRole, CharacterMap> _maps = new();

    private FontSet(Dictionary<FontRole, SfntFace> faces, FontReport report)
    {
        _faces = faces;
        Report = report;
    }

    /// <summary>What was found: the file and face serving each role, and what is missing.</summary>
    public FontReport Report { get; }

    /// <summary>
    /// Resolves every role. Never throws for a missing font: see <see cref="Report"/> and
    /// <see cref="EnsureComplete"/>. Folder scans are cached for the life of the process.
    /// </summary>
    /// <param name="options">Where to look; null for the system folders only.</param>
    public static FontSet Resolve(FontSearchOptions? options = null)
    {
        options ??= new FontSearchOptions();
        var configured = options.FontFolder is { Length: > 0 } folder
            ? ScanFolder(folder)
            : [];
        var system = (options.SystemFolders ?? FontSearchOptions.DefaultSystemFolders())
            .SelectMany(ScanFolder)
            .ToList();

        var faces = new Dictionary<FontRole, SfntFace>();
        var entries = new List<FontReportEntry>();
        var missing = new List<FontRole>();
        var notes = new List<string>();
        foreach (var role in Enum.GetValues<FontRole>())
        {
            var found = Find(RoleNames.Preferred(role), configured, notes) is { } c
                ? (c.Face, c.Name, FontSource.Configured)
                : Find(RoleNames.Preferred(role), system, notes) is { } s
                    ? (s.Face, s.Name, FontSource.System)
                    : Find(RoleNames.StandIns(role), configured, notes) is { } cs
                        ? (cs.Face, cs.Name, FontSource.Configured)
                        : Find(RoleNames.StandIns(role), system, notes) is { } ss
                            ? (ss.Face, ss.Name, FontSource.Fallback)
                            : default((SfntFace Face, string Name, FontSource Source)?);
            if (found is not { } hit)
            {
                missing.Add(role);
                continue;
            }

            faces[role] = hit.Face;
            entries.Add(new FontReportEntry(
                role, hit.Face.Path, hit.Face.FaceIndex, hit.Face.IsCollection, hit.Name,
                hit.Source, SimulatesBold: !hit.Face.IsBold));
        }

        return new FontSet(faces, new FontReport(entries, missing, notes.Distinct().ToList()));
    }

    /// <summary>
    /// Throws when a role has no face, naming the roles and the command that installs the
    /// Debian fallbacks.
    /// </summary>
    /// <exception cref="ProblemException">A role has no face; one problem per role.</exception>
    public void EnsureComplete()
    {
        if (Report.IsComplete)
        {
            return;
        }

        throw new ProblemException(Report.MissingRoles
            .Select(role => new Problem("fonts", 0, role.ToString(),
                $"no TrueType font found for the {role} role "
                + $"({string.Join(", ", RoleNames.Preferred(role).Take(3))} or a stand-in); "
                + "put one in the configured font folder, or install the fallbacks: "
                + FontReport.DebianInstallCommand))
            .ToList());
    }

    /// <summary>
    /// The characters of <paramref name="text"/> that the face serving <paramref name="role"/>
    /// cannot draw (they would print as empty boxes), each once, in order of appearance.
    /// Line breaks and other control characters are not counted. A role with no face lacks
    /// every character.
    /// </summary>
    public IReadOnlyList<string> MissingGlyphs(FontRole role, string text)
    {
        var map = _faces.TryGetValue(role, out var face)
            ? _maps.GetOrAdd(role, _ => CharacterMap.Read(face))
            : null;
        var missing = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is
                UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            if (map is null || !map.Contains(rune.Value))
            {
                var s = rune.ToString();
                if (!missing.Contains(s))
                {
                    missing.Add(s);
                }
            }
        }

        return missing;
    }

    /// <summary>
    /// The characters of <paramref name="text"/> missing from each role's face; roles that
    /// lack nothing are left out.
    /// </summary>
    public IReadOnlyDictionary<FontRole, IReadOnlyList<string>> MissingGlyphs(string text)
    {
        var result = new Dictionary<FontRole, IReadOnlyList<string>>();
        foreach (var role in Enum.GetValues<FontRole>())
        {
            var missing = MissingGlyphs(role, text);
            if (missing.Count > 0)
            {
                result[role] = missing;
            }
        }

        return result;
    }

    /// <summary>
    /// The family name to give PDFsharp for a role; the process-wide resolver maps it back to
    /// the face. Installs that resolver on first use.
    /// </summary>
    internal string FamilyName(FontRole role)
    {
        EnsureComplete();
        return NoticesFontResolver.Register(_faces[role]);
    }

    /// <summary>True when the face serving the role draws the character.</summary>
    internal bool Covers(FontRole role, int codePoint) =>
        _faces.TryGetValue(role, out var face)
        && _maps.GetOrAdd(role, _ => CharacterMap.Read(face)).Contains(codePoint);

    /// <summary>True when the face serving the role has a real bold.</summary>
    internal bool HasBold(FontRole role) => _faces.TryGetValue(role, out var f) && f.IsBold;

    private static (SfntFace Face, string Name)? Find(
        IReadOnlyList<string> names, IReadOnlyList<SfntFace> faces, List<string> notes)
    {
        foreach (var wanted in names)
        {
            var key = RoleNames.Normalise(wanted);
            foreach (var face in faces)
            {
                if (!face.FamilyNames.Any(n => RoleNames.Normalise(n) == key))
                {
                    continue;
                }

                if (face.HasCffOutlines)
                {
                    notes.Add($"{face} ({wanted}) passed over: CFF outlines cannot be "
                        + "subset by PDFsharp; use a TrueType-outline face.");
                    continue;
                }

                return (face, wanted);
            }
        }

        return null;
    }

    private static IReadOnlyList<SfntFace> ScanFolder(string folder) =>
        FolderCache.GetOrAdd(Path.GetFullPath(folder), full =>
        {
            if (!Directory.Exists(full))
            {
                return [];
            }

            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                MatchCasing = MatchCasing.CaseInsensitive,
            };
            return Directory.EnumerateFiles(full, "*", options)
                .Where(f => FontExtensions.Contains(
                    Path.GetExtension(f).ToLowerInvariant(), StringComparer.Ordinal))
                .Order(StringComparer.Ordinal)
                .SelectMany(SfntReader.ReadFaces)
                .ToList();
        });
}
