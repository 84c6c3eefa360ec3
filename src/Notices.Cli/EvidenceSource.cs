using Notices.Core.Evidence;
using Notices.Core.Schemes;
using Notices.Core.Storage;

namespace Notices.Cli;

/// <summary>Where a command's evidence comes from: a file given on the command line, or the store.</summary>
internal static class EvidenceSource
{
    /// <summary>
    /// Reads <paramref name="file"/> (validated as an import would be, but not stored) or, when
    /// it is null, every record in the store.
    /// </summary>
    public static async Task<IReadOnlyList<EvidenceRecord>> LoadAsync(
        CliContext context, Scheme scheme, string? file, CancellationToken cancellationToken)
    {
        if (file is not null)
            return EvidenceReader.Read(file, scheme);

        var store = new EvidenceStore(context.Store, context.Time);
        await store.EnsureCreatedAsync(cancellationToken);
        return await store.LoadAsync(cancellationToken);
    }
}
