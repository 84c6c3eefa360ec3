namespace Notices.Documents.Model;

/// <summary>
/// One block of the flow: a <see cref="Paragraph"/>, a <see cref="Table"/> or a
/// <see cref="PageBreak"/>. Writers switch over these three; there are no others.
/// </summary>
public abstract record Block;
