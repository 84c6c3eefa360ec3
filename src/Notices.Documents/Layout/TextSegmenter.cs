using System.Globalization;

namespace Notices.Documents.Layout;

/// <summary>
/// Splits text into the pieces lines break around: each Chinese character alone, runs of
/// Latin letters and digits (with the . , : / - % inside a number or word) whole, spaces
/// alone.
/// </summary>
public static class TextSegmenter
{
    /// <summary>Appends the pieces of <paramref name="text"/> to <paramref name="pieces"/>.</summary>
    public static void Split(string text, List<string> pieces)
    {
        var i = 0;
        while (i < text.Length)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (IsWordChar(text, i))
            {
                var end = i + 1;
                while (end < text.Length
                    && (IsWordChar(text, end) || (IsJoiner(text[end])
                        && end + 1 < text.Length && IsWordChar(text, end + 1))))
                {
                    end++;
                }

                // A trailing % belongs to its number (58.7%).
                if (end < text.Length && text[end] == '%')
                {
                    end++;
                }

                pieces.Add(text[i..end]);
                i = end;
                continue;
            }

            pieces.Add(text.Substring(i, length));
            i += length;
        }
    }

    private static bool IsWordChar(string text, int index)
    {
        var c = text[index];
        return c < 0x2E80 && !char.IsWhiteSpace(c) && (char.IsLetterOrDigit(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
    }

    private static bool IsJoiner(char c) => c is '.' or ',' or ':' or '/' or '-' or '_' or '\'';
}
