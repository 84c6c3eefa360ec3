namespace Notices.Core;

/// <summary>
/// Something wrong with an input, said for the person who must fix it: where (file, line,
/// column) and what, including the value found and what would be accepted.
/// Printed as <c>file:line: column: message</c>.
/// </summary>
/// <param name="File">The file's name as the user gave it.</param>
/// <param name="Line">1-based line; 0 when the problem is about the whole file.</param>
/// <param name="Column">The column's name (date, value…) or a YAML key path; empty when none applies.</param>
/// <param name="Message">What is wrong and what would be accepted.</param>
public sealed record Problem(string File, int Line, string Column, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        return string.IsNullOrEmpty(Column) ? $"{where}: {Message}" : $"{where}: {Column}: {Message}";
    }
}
