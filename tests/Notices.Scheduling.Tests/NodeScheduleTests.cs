using Notices.Core;

namespace Notices.Scheduling.Tests;

public sealed class NodeScheduleTests
{
    [Fact]
    public void EveryNodeDate_FiresAt18InShanghai_ForEachDistrict()
    {
        var schedule = NodeSchedule.Build(TestScheme.Create(), new ScheduleOptions());

        Assert.Equal(TestScheme.NodeDates.Length * 2, schedule.Nodes.Count);
        Assert.Equal(TestScheme.NodeDates, schedule.Nodes.Select(n => n.Node).Distinct());
        var halfYear = schedule.Find(new DateOnly(2021, 6, 25), "shili")!;
        Assert.Equal(new DateTimeOffset(2021, 6, 25, 10, 0, 0, TimeSpan.Zero), halfYear.FireAt);
    }

    [Fact]
    public void BulletinDate_WithNoItemNode_IsStillANode()
    {
        // The test scheme has no item due on 09-25; the q3 bulletin makes it a node.
        var schedule = NodeSchedule.Build(TestScheme.Create(), new ScheduleOptions());

        var q3 = schedule.Find(new DateOnly(2021, 9, 25), "d1");
        Assert.NotNull(q3);
        Assert.Equal("q3", q3.Bulletin?.Kind);
        Assert.Null(schedule.Find(new DateOnly(2021, 9, 30), "d1")!.Bulletin);
    }

    [Fact]
    public void TimeOfDayAndZone_AreConfigurable()
    {
        var schedule = NodeSchedule.Build(TestScheme.Create(),
            new ScheduleOptions { TimeOfDay = "07:30", TimeZone = "Europe/Berlin" });

        // 2021-03-31 is summer time in Berlin (UTC+2): 07:30 local is 05:30 UTC.
        Assert.Equal(new DateTimeOffset(2021, 3, 31, 5, 30, 0, TimeSpan.Zero), schedule.Nodes[0].FireAt);
    }

    [Fact]
    public void DueBy_ListsPastNodesInDateOrder()
    {
        var schedule = NodeSchedule.Build(TestScheme.Create(), new ScheduleOptions());

        var due = schedule.DueBy(new DateTimeOffset(2021, 6, 25, 10, 0, 0, TimeSpan.Zero), "shili").ToList();

        Assert.Equal([new(2021, 3, 31), new(2021, 4, 25), new DateOnly(2021, 6, 25)], due.Select(n => n.Node));
    }

    [Fact]
    public void UnreadableSettings_AreReportedTogether_WithWhatIsAccepted()
    {
        var e = Assert.Throws<ProblemException>(() => NodeSchedule.Build(TestScheme.Create(),
            new ScheduleOptions { TimeOfDay = "6pm", TimeZone = "Mars/Olympus" }));

        Assert.Equal(2, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Column == "Schedule:TimeOfDay" && p.Message.Contains("HH:mm"));
        Assert.Contains(e.Problems, p => p.Column == "Schedule:TimeZone" && p.Message.Contains("Asia/Shanghai"));
    }
}
