namespace Notices.Core.Schemes;

/// <summary>A scored unit: a street office (街道办事处) or township government.</summary>
/// <param name="Id">The short name evidence files use, e.g. 城关; unique in the scheme.</param>
/// <param name="Name">The full name a bulletin prints, e.g. 城关街道办事处.</param>
/// <param name="Addresses">Where its copy of the bulletin is mailed.</param>
public sealed record Unit(string Id, string Name, IReadOnlyList<string> Addresses);
