using Notices.Documents.Layout;

namespace Notices.Documents.Tests.Layout;

public sealed class LineBreakerTests
{
    [Fact]
    public void ClosingPunctuation_NeverStartsALine_TheCharacterBeforeGoesDownWithIt()
    {
        var lines = Lines("一二三四。五六", width: 4);

        Assert.Equal(["一二三", "四。五六"], lines);
    }

    [Theory]
    [InlineData("，")]
    [InlineData("、")]
    [InlineData("；")]
    [InlineData("：")]
    [InlineData("？")]
    [InlineData("！")]
    [InlineData("）")]
    [InlineData("》")]
    [InlineData("”")]
    [InlineData("…")]
    public void NoClosingMark_StartsALine(string mark)
    {
        var lines = Lines($"一二三四{mark}五六七八{mark}", width: 4);

        Assert.All(lines, line => Assert.False(LineBreakRules.MayNotStartLine(line[0]), line));
    }

    [Theory]
    [InlineData("（")]
    [InlineData("《")]
    [InlineData("“")]
    [InlineData("〔")]
    public void OpeningMark_NeverEndsALine(string mark)
    {
        var lines = Lines($"一二三{mark}四五六", width: 4);

        Assert.Equal(["一二三", $"{mark}四五六"], lines);
    }

    [Fact]
    public void NumbersAndLatinWords_StayWhole()
    {
        var pieces = new List<string>();

        TextSegmenter.Split("得分58.7分，排名第2，2021年，PDF文件，占比58.7%。", pieces);

        Assert.Contains("58.7", pieces);
        Assert.Contains("2021", pieces);
        Assert.Contains("PDF", pieces);
        Assert.Contains("58.7%", pieces);
        Assert.Contains("，", pieces);
    }

    [Fact]
    public void ANumber_IsNotCutAcrossLines()
    {
        var lines = Lines("一二三58.7分", width: 4);

        Assert.Equal(["一二三", "58.7分"], lines);
    }

    [Fact]
    public void OnlyTheLastLine_IsMarkedLast_AndTheFirstLineHasItsOwnWidth()
    {
        var units = Units("一二三四五六七八九十");

        var lines = LineBreaker.Break(units, firstWidth: 2, width: 4);

        Assert.Equal([2, 4, 4], lines.Select(l => l.Count));
        Assert.Equal([false, false, true], lines.Select(l => l.IsLast));
    }

    [Fact]
    public void AUnitWiderThanALine_GetsALineOfItsOwn()
    {
        var units = new List<TextUnit> { new("一", 1, 0), new("ABCDEFGH", 8, 0), new("二", 1, 0) };

        var lines = LineBreaker.Break(units, 4, 4);

        Assert.Equal([1, 1, 1], lines.Select(l => l.Count));
    }

    private static List<string> Lines(string text, double width)
    {
        var units = Units(text);
        return LineBreaker.Break(units, width, width)
            .Select(l => string.Concat(units.Skip(l.Start).Take(l.Count).Select(u => u.Text)))
            .ToList();
    }

    // Every Chinese character is one unit wide; a Latin word is half a unit per letter.
    private static List<TextUnit> Units(string text)
    {
        var pieces = new List<string>();
        TextSegmenter.Split(text, pieces);
        return pieces
            .Select(p => new TextUnit(p, p[0] < 0x2E80 ? p.Length * 0.5 : p.Length, 0))
            .ToList();
    }
}
