namespace Notices.Core.Storage;

/// <summary>One file of an import and what it stored.</summary>
/// <param name="FileName">The file as given.</param>
/// <param name="ImportKey">The import's key in the store.</param>
/// <param name="Rows">Records stored (facts and withdrawals).</param>
/// <param name="Withdrawals">How many of them withdraw an earlier record.</param>
public sealed record ImportedFile(string FileName, long ImportKey, int Rows, int Withdrawals);
