using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Notices.Documents.Fonts;

/// <summary>
/// PDFsharp's font resolver over the faces <see cref="FontSet"/> resolved.
/// <see cref="GlobalFontSettings.FontResolver"/> is process-wide and may be set only once,
/// so one instance serves every font set: each face is registered under a family name made
/// from its file and index, and its bytes (a standalone copy, see
/// <see cref="SfntReader.ExtractStandalone"/>) are read once and kept.
/// </summary>
internal sealed class NoticesFontResolver : IFontResolver
{
    private static readonly Lock InstallLock = new();
    private static readonly NoticesFontResolver Instance = new();

    private readonly ConcurrentDictionary<string, SfntFace> _faces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _bytes =
        new(StringComparer.Ordinal);

    private NoticesFontResolver()
    {
    }

    /// <summary>Registers a face and returns the family name PDFsharp should ask for.</summary>
    /// <exception cref="InvalidOperationException">Another resolver is installed.</exception>
    public static string Register(SfntFace face)
    {
        Install();
        var info = new FileInfo(face.Path);
        var stamp = info.Exists ? info.Length ^ info.LastWriteTimeUtc.Ticks : 0;
        var key = $"Notices-{(uint)HashCode.Combine(face.Path, stamp):x8}-{face.FaceIndex}";
        Instance._faces.TryAdd(key, face);
        return key;
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!_faces.TryGetValue(familyName, out var face))
        {
            return null;
        }

        // Bold where the face has none: PDFsharp's simulation (design.md, Fonts).
        return new FontResolverInfo(familyName, bold && !face.IsBold, italic);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName)
    {
        if (!_faces.TryGetValue(faceName, out var face))
        {
            return null;
        }

        return _bytes.GetOrAdd(faceName, _ => new Lazy<byte[]>(
            () => SfntReader.ExtractStandalone(face))).Value;
    }

    private static void Install()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
        {
            return;
        }

        lock (InstallLock)
        {
            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (!ReferenceEquals(current, Instance))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({current.GetType().FullName}); "
                    + "Notices needs its own. Do not set GlobalFontSettings.FontResolver "
                    + "elsewhere in the process.");
            }
        }
    }
}
