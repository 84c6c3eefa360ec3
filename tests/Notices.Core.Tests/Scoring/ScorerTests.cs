using Notices.Core.Schemes;
using Notices.Core.Scoring;

namespace Notices.Core.Tests.Scoring;

public class ScorerTests
{
    private static readonly Scheme Scheme = Repo.Scheme2021;

    private static ItemScore ScoreOf(Facts facts, string unit, string item, string asOf) =>
        Scorer.Score(Scheme, facts.Records, DateOnly.Parse(asOf))[unit][item];

    [Theory]
    [InlineData("04-30", 28)]
    [InlineData("06-25", 62)]
    [InlineData("09-25", 66)]
    [InlineData("12-25", 100)]
    [InlineData("03-30", 0)]
    public void Available_SumsTheMaximaOfDueItems(string monthDay, decimal expected)
    {
        var card = Scorer.Score(Scheme, [], DateOnly.Parse($"2021-{monthDay}"));

        Assert.Equal(expected, card.Available);
    }

    // Every seed item with a report: on the deadline no deduction, one day late the late
    // points, none at all the missing points.
    [Theory]
    [InlineData("1.1", 2, 4)]
    [InlineData("1.2", 2, 4)]
    [InlineData("1.3", 2, 4)]
    [InlineData("1.4", 2, 4)]
    [InlineData("2.1", 1, 6)]
    [InlineData("2.2", 1, 6)]
    [InlineData("2.3", 1, 6)]
    [InlineData("2.4", 1, 6)]
    [InlineData("3.1", 1, 4)]
    [InlineData("3.3", 1, 4)]
    [InlineData("4.1", 1, 3)]
    [InlineData("4.2", 1, 3)]
    [InlineData("5.1", 0.5, 1)]
    [InlineData("5.2", 0.5, 1)]
    [InlineData("5.3", 0.5, 1)]
    public void Submission_OnDeadlineLateOrMissing(string itemId, decimal late, decimal missing)
    {
        var item = Scheme.FindItem(itemId)!;
        var deadline = item.Node.FirstDue(2021);
        var yearEnd = "2021-12-31";

        var onTime = ScoreOf(new Facts().Add("城关", itemId, "submitted", Iso(deadline)), "城关", itemId, yearEnd);
        var oneDayLate = ScoreOf(
            new Facts().Add("城关", itemId, "submitted", Iso(deadline.AddDays(1))),
            "城关", itemId, yearEnd);
        var none = ScoreOf(new Facts(), "城关", itemId, yearEnd);

        Assert.Equal(0m, onTime.Deductions.Single(d => d.Fact == "submitted").Points);
        Assert.Equal(late, oneDayLate.Deductions.Single(d => d.Fact == "submitted").Points);
        Assert.Equal(missing, none.Deductions.Single(d => d.Fact == "submitted").Points);
    }

    [Fact]
    public void LateSubmission_ReasonNamesBothDays_Item1_2()
    {
        var score = ScoreOf(new Facts().Add("新华", "1.2", "submitted", "2021-06-28"), "新华", "1.2", "2021-09-25");

        var line = Assert.Single(score.Deductions);
        Assert.Equal("半年考核通报于6月28日报送，晚于6月25日，扣2分", line.Reason);
        Assert.Equal(2m, score.Deduction);
        Assert.Equal(2m, score.Score);
        Assert.Equal(["test.csv:2"], line.Records);
    }

    [Fact]
    public void SubmissionAfterAsOf_IsMissingAtThatDate_ThenLateLater_Item1_2()
    {
        var facts = new Facts().Add("城关", "1.2", "submitted", "2021-07-10");

        Assert.Equal(4m, ScoreOf(facts, "城关", "1.2", "2021-06-25").Deduction);
        Assert.Equal("截至6月25日未报送半年考核通报，扣4分",
            ScoreOf(facts, "城关", "1.2", "2021-06-25").Deductions[0].Reason);
        Assert.Equal(2m, ScoreOf(facts, "城关", "1.2", "2021-09-25").Deduction);
    }

    [Fact]
    public void EarliestSubmissionCounts_Item3_1()
    {
        var facts = new Facts()
            .Add("兴达", "3.1", "submitted", "2021-07-01")
            .Add("兴达", "3.1", "submitted", "2021-06-20");

        Assert.Equal(0m, ScoreOf(facts, "兴达", "3.1", "2021-12-25").Deduction);
    }

    [Fact]
    public void ItemNotYetDue_IsNotDueWithNullScore_Item1_3()
    {
        var score = ScoreOf(new Facts().Add("城关", "1.3", "submitted", "2021-06-01"), "城关", "1.3", "2021-09-24");

        Assert.Equal(ItemStatus.NotDue, score.Status);
        Assert.Null(score.Deduction);
        Assert.Null(score.Score);
    }

    [Theory]
    [InlineData("1.5", "unassessed", 3, 1.2)]
    [InlineData("1.5", "unassessed", 11, 4)]
    [InlineData("2.2", "unflagged", 4, 1.2)]
    [InlineData("3.2", "unenforced", 2, 0.6)]
    [InlineData("3.4", "unenforced", 11, 3)]
    [InlineData("4.3", "unresolved", 3, 2.1)]
    [InlineData("4.3", "unresolved", 25, 14)]
    public void Count_DeductsEachAndStopsAtTheItemMax(string itemId, string fact, int count, decimal expected)
    {
        var facts = new Facts().Add("昌盛", itemId, fact, "2021-03-01", count);
        if (Scheme.FindItem(itemId)!.RuleFor("submitted") is not null)
            facts.Add("昌盛", itemId, "submitted", "2021-01-10");

        Assert.Equal(expected, ScoreOf(facts, "昌盛", itemId, "2021-12-31").Deduction);
    }

    [Fact]
    public void CountRows_AddUp_BlankCountsAsOne_Item2_1()
    {
        var facts = new Facts()
            .Add("城关", "2.1", "submitted", "2021-04-25")
            .Add("城关", "2.1", "unrecorded", "2021-04-10", 3)
            .Add("城关", "2.1", "unrecorded", "2021-04-12")
            .Add("城关", "2.1", "unflagged", "2021-04-20", 2);

        var score = ScoreOf(facts, "城关", "2.1", "2021-06-25");

        Assert.Equal(1.8m, score.Deduction);
        Assert.Equal(4.2m, score.Score);
        Assert.Contains(score.Deductions, d => d.Reason == "未录入基本信息4个，每个扣0.3分，扣1.2分");
    }

    [Fact]
    public void ComponentsOverTheItemMax_AreCappedWithALineThatSaysSo_Item2_3()
    {
        var facts = new Facts()
            .Add("城关", "2.3", "submitted", "2021-06-26")
            .Add("城关", "2.3", "unrecorded", "2021-05-01", 8)
            .Add("城关", "2.3", "unreviewed", "2021-05-01", 4);

        var score = ScoreOf(facts, "城关", "2.3", "2021-06-25");

        // missing 6 + 4 + 2 = 12 points found, the item is worth 6.
        Assert.Equal(6m, score.Deduction);
        Assert.Equal(0m, score.Score);
        Assert.Equal(score.Deduction, score.Deductions.Sum(d => d.Points));
        Assert.Equal("以上合计扣12分，本项最多扣6分", score.Deductions[^1].Reason);
    }

    [Theory]
    [InlineData("5.1", 14, 2.8)]
    [InlineData("5.1", 16, 3)]
    [InlineData("5.1", 40, 3)]
    [InlineData("5.2", 9, 1.8)]
    [InlineData("5.2", 11, 2)]
    [InlineData("5.3", 30, 2)]
    public void Unpublicized_StopsAtItsOwnCap(string itemId, int count, decimal expected)
    {
        var facts = new Facts()
            .Add("新华", itemId, "unpublicized", "2021-04-01", count)
            .Add("新华", itemId, "submitted", "2021-04-01");

        var score = ScoreOf(facts, "新华", itemId, "2021-12-31");

        Assert.Equal(expected, score.Deduction);
    }

    [Theory]
    [InlineData("5.2", 3, 0.6)]
    [InlineData("5.2", 6, 1)]
    [InlineData("5.3", 7, 1)]
    public void BadTender_StopsAtOnePoint(string itemId, int count, decimal expected)
    {
        var facts = new Facts()
            .Add("新华", itemId, "bad_tender", "2021-05-01", count)
            .Add("新华", itemId, "submitted", "2021-05-01");

        Assert.Equal(expected, ScoreOf(facts, "新华", itemId, "2021-12-31").Deduction);
    }

    [Fact]
    public void AllThreeComponentsOfItem5_2_AddUpUnderTheMax()
    {
        var facts = new Facts()
            .Add("兴达", "5.2", "unpublicized", "2021-05-01", 20)
            .Add("兴达", "5.2", "bad_tender", "2021-05-01", 10)
            .Add("兴达", "5.2", "submitted", "2021-06-30");

        // 2 (capped) + 1 (capped) + 0.5 late = 3.5 of 4.
        Assert.Equal(3.5m, ScoreOf(facts, "兴达", "5.2", "2021-12-25").Deduction);
    }

    [Fact]
    public void Flag_ReportedTwice_DeductsOnce_Item1_4()
    {
        var facts = new Facts()
            .Add("城关", "1.4", "submitted", "2021-12-20")
            .Add("城关", "1.4", "unpublished", "2021-12-21")
            .Add("城关", "1.4", "unpublished", "2021-12-22");

        var score = ScoreOf(facts, "城关", "1.4", "2021-12-25");

        Assert.Equal(4m, score.Deduction);
        Assert.Equal("考核结果未在市政府网站公示，扣4分",
            score.Deductions.Single(d => d.Fact == "unpublished").Reason);
    }

    [Fact]
    public void Item6_1_EveryComponent()
    {
        var facts = new Facts()
            .Add("昌盛", "6.1", "stale_ledger", "2021-08-01")
            .Add("昌盛", "6.1", "no_plan", "2021-03-01")
            .Add("昌盛", "6.1", "no_method", "2021-03-01")
            .Add("昌盛", "6.1", "not_implemented", "2021-09-01")
            .Add("昌盛", "6.1", "late_info", "2021-05-01", 4)
            .Add("昌盛", "6.1", "target_missed", "2021-12-01")
            .Add("昌盛", "6.1", "spot_check", "2021-12-20", 1.6m)
            .Add("昌盛", "6.1", "submitted", "2021-12-26");

        var score = ScoreOf(facts, "昌盛", "6.1", "2021-12-31");

        // 1 + 1 + 1 + 1 + 0.4 + 2 + 0.4 + 1 = 7.8
        Assert.Equal(7.8m, score.Deduction);
        Assert.Equal(2.2m, score.Score);
        Assert.Contains(score.Deductions,
            d => d.Reason == "抽查小区垃圾分类考核得1.6分（满分2分），扣0.4分");
        Assert.Contains(score.Deductions,
            d => d.Reason == "未按时报送信息等材料4次，每次扣0.1分，扣0.4分");
    }

    [Fact]
    public void LateInfo_StopsAtOnePoint_Item6_1()
    {
        var facts = new Facts()
            .Add("昌盛", "6.1", "late_info", "2021-05-01", 14)
            .Add("昌盛", "6.1", "spot_check", "2021-12-20", 2)
            .Add("昌盛", "6.1", "submitted", "2021-12-20");

        Assert.Equal(1m, ScoreOf(facts, "昌盛", "6.1", "2021-12-25").Deduction);
    }

    [Fact]
    public void JudgedScoreNotGiven_LeavesTheItemPendingAndOutOfAvailable_Item6_1()
    {
        var facts = new Facts().Add("城关", "6.1", "submitted", "2021-12-20");

        var card = Scorer.Score(Scheme, facts.Records, new DateOnly(2021, 12, 25));

        Assert.Equal(ItemStatus.Pending, card["城关"]["6.1"].Status);
        Assert.Null(card["城关"]["6.1"].Score);
        Assert.Equal(90m, card["城关"].Available);
        Assert.Equal(100m, card.Available);
        Assert.True(card.HasPending);
    }

    [Fact]
    public void LatestJudgedScoreCounts_AndOnTheSameDayTheLaterRow_Item6_1()
    {
        var facts = new Facts()
            .Add("城关", "6.1", "spot_check", "2021-12-10", 1.0m)
            .Add("城关", "6.1", "spot_check", "2021-12-20", 1.8m)
            .Add("城关", "6.1", "spot_check", "2021-12-20", 1.5m)
            .Add("城关", "6.1", "spot_check", "2021-12-15", 0.2m)
            .Add("城关", "6.1", "submitted", "2021-12-20");

        Assert.Equal(0.5m, ScoreOf(facts, "城关", "6.1", "2021-12-25").Deduction);
    }

    [Fact]
    public void WithdrawnRecord_CountsAtNoDate_EvenBeforeTheWithdrawal_Item4_3()
    {
        var facts = new Facts()
            .Add("新华", "4.3", "unresolved", "2021-03-10", 2, id: "x-1")
            .Add("新华", "4.3", "unresolved", "2021-03-12", 1, id: "x-2")
            .Void("x-1");

        Assert.Equal(0.7m, ScoreOf(facts, "新华", "4.3", "2021-03-31").Deduction);
    }

    [Fact]
    public void FactsAfterTheAsOfDate_DoNotCount_Item4_3()
    {
        var facts = new Facts()
            .Add("新华", "4.3", "unresolved", "2021-03-31")
            .Add("新华", "4.3", "unresolved", "2021-04-01");

        Assert.Equal(0.7m, ScoreOf(facts, "新华", "4.3", "2021-03-31").Deduction);
        Assert.Equal(1.4m, ScoreOf(facts, "新华", "4.3", "2021-04-01").Deduction);
    }

    [Fact]
    public void EqualScoresShareARank_AndTheNextRankSkips()
    {
        var facts = Facts.PerfectYear(["城关", "新华", "兴达", "昌盛"]);
        facts.Add("城关", "4.3", "unresolved", "2021-05-01", 2)
            .Add("新华", "4.3", "unresolved", "2021-05-01", 1)
            .Add("兴达", "4.3", "unresolved", "2021-05-01", 1);

        var card = Scorer.Score(Scheme, facts.Records, new DateOnly(2021, 12, 25));

        Assert.Equal([4, 2, 2, 1], card.Units.Select(u => u.Rank));
        Assert.Equal([98.6m, 99.3m, 99.3m, 100m], card.Units.Select(u => u.Score));
    }

    [Fact]
    public void PerfectYear_ScoresOneHundred()
    {
        var card = Scorer.Score(
            Scheme,
            Facts.PerfectYear(["城关", "新华", "兴达", "昌盛"]).Records,
            new DateOnly(2021, 12, 25));

        Assert.All(card.Units, u => Assert.Equal(100m, u.Score));
        Assert.All(card.Units, u => Assert.Equal(1, u.Rank));
        Assert.False(card.HasPending);
    }

    [Fact]
    public void EmptyYear_AtHalfYear_LosesEveryReportButKeepsTheCounts()
    {
        var card = Scorer.Score(Scheme, [], new DateOnly(2021, 6, 25));

        // Due at 06-25: reports 1.1, 1.2, 2.1, 2.2, 2.3, 3.1, 4.1 lose everything (4+4+6+6+6+4+3 = 33),
        // 5.1 and 5.2 lose 1 each; 1.5, 3.2 and 4.3 keep 4 + 3 + 14.
        Assert.All(card.Units, u => Assert.Equal(62m - 35m, u.Score));
    }

    private static string Iso(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
