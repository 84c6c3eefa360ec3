namespace Notices.Delivery.Bulletins;

/// <summary>The files of a rendered bulletin, as its manifest names them (relative to its folder).</summary>
public sealed record BulletinFiles(string? Docx, string? Pdf, string? Html, string? Csv, string? Json);
