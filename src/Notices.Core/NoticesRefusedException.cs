namespace Notices.Core;

/// <summary>
/// Thrown when a well-formed request is refused because of the state it meets: the same
/// evidence file imported twice, a final bulletin while items are pending, an unknown record id.
/// The message says what was refused and what to do instead.
/// </summary>
public sealed class NoticesRefusedException(string message) : Exception(message);
