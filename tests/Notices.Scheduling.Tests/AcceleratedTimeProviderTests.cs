using Microsoft.Extensions.Time.Testing;

namespace Notices.Scheduling.Tests;

/// <summary>The rehearsal clock of <c>notices run</c>: time and timers run at its speed.</summary>
[Collection("service")]
public sealed class AcceleratedTimeProviderTests : IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset YearStart = new(2021, 1, 1, 0, 0, 0, China);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void OneRealSecond_AtADayPerSecond_IsOneSimulatedDay()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero));
        var clock = new AcceleratedTimeProvider(YearStart, 86_400, real: real);

        Assert.Equal(YearStart, clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(YearStart.AddDays(1.5), clock.GetUtcNow());
    }

    [Fact]
    public void ProcessesSharingAnAnchor_AgreeOnTheTime_WheneverEachStarted()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero));
        var anchor = real.GetUtcNow().AddSeconds(5);
        var early = new AcceleratedTimeProvider(YearStart, 86_400, anchor, real);
        real.Advance(TimeSpan.FromSeconds(3));
        var late = new AcceleratedTimeProvider(YearStart, 86_400, anchor, real);

        Assert.Equal(YearStart.AddDays(-2), early.GetUtcNow());
        Assert.Equal(early.GetUtcNow(), late.GetUtcNow());
    }

    [Fact]
    public void ATimerOfOneSimulatedDay_FiresAfterOneRealSecond()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero));
        var clock = new AcceleratedTimeProvider(YearStart, 86_400, real: real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromDays(1), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromSeconds(0.9));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, fired);

        // Changed to fire every simulated two days: every two real seconds.
        timer.Change(TimeSpan.FromDays(2), TimeSpan.FromDays(2));
        real.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(3, fired);
    }

    [Fact]
    public void ASpeedBelowOne_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(YearStart, 0.5));
        Assert.Contains("at least 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_WithSimulateFrom_GiveTheFastClock_AndWithoutIt_TheRealOne()
    {
        var options = new ScheduleOptions { SimulateFrom = YearStart, SimulateSpeed = 3600 };
        var clock = Assert.IsType<AcceleratedTimeProvider>(options.Clock(TimeProvider.System));
        Assert.Equal((YearStart, 3600d), (clock.Start, clock.Speed));
        Assert.Same(TimeProvider.System, new ScheduleOptions().Clock(TimeProvider.System));
    }

    [Fact]
    public async Task Quartz_OnTheFastClock_FiresEveryNodeOfTheYear_InAFewRealSeconds()
    {
        // The year (to 12-31 18:00 in Shanghai) in about four real seconds.
        var clock = new AcceleratedTimeProvider(YearStart, 365 * 86_400 / 4.0);
        var work = new RecordingWork();
        using var host = ServiceHost.Build(folder, clock, work);
        await host.StartAsync();
        try
        {
            await ServiceHost.WaitUntil(() => work.Finished.Count >= 16, "16 runs of the simulated year", 60);
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Equal(16, work.Runs.Distinct().Count());
        foreach (var district in new[] { "shili", "d1" })
            Assert.Equal(TestScheme.NodeDates, work.For(district).Select(r => r.Node));
    }
}
