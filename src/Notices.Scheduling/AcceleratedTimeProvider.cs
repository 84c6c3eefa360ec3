namespace Notices.Scheduling;

/// <summary>
/// A clock that runs fast, for rehearsals and tests of <c>notices run</c>: simulated time is
/// <see cref="Start"/> plus the real time elapsed since <see cref="Anchor"/>, times
/// <see cref="Speed"/>. Timers scale with it (a simulated day of delay at a speed of 86,400
/// waits one real second), so Quartz, which is given this clock, fires its triggers on it.
/// </summary>
/// <remarks>
/// Several processes given the same start, speed and anchor agree on the time, as the
/// processes of one cluster must. Timestamps (<see cref="TimeProvider.GetTimestamp"/>) stay
/// real: they measure how long work took, and a log saying a node took 1.2 s means real
/// seconds.
/// </remarks>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider real;

    /// <summary>Creates a clock that shows <paramref name="start"/> at <paramref name="anchor"/>.</summary>
    /// <param name="start">The simulated time at the anchor.</param>
    /// <param name="speed">Simulated seconds per real second; at least 1.</param>
    /// <param name="anchor">The real instant the simulated clock shows <paramref name="start"/>
    /// (default: now). Before it the clock shows times before the start.</param>
    /// <param name="real">The real clock underneath (default: the system's).</param>
    /// <exception cref="ArgumentOutOfRangeException">The speed is below 1 or not a number.</exception>
    public AcceleratedTimeProvider(DateTimeOffset start, double speed, DateTimeOffset? anchor = null,
        TimeProvider? real = null)
    {
        if (!(speed >= 1) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed,
                "the speed is simulated seconds per real second, at least 1");
        }
        this.real = real ?? System;
        Start = start.ToUniversalTime();
        Speed = speed;
        Anchor = (anchor ?? this.real.GetUtcNow()).ToUniversalTime();
    }

    /// <summary>The simulated time at <see cref="Anchor"/>.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Simulated seconds per real second (86,400: a day per second).</summary>
    public double Speed { get; }

    /// <summary>The real instant at which the simulated clock shows <see cref="Start"/>.</summary>
    public DateTimeOffset Anchor { get; }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => real.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => real.GetTimestamp();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Start + Simulated(real.GetUtcNow() - Anchor);

    /// <summary>How long <paramref name="simulated"/> lasts in real time.</summary>
    /// <param name="simulated">A span of simulated time; infinite stays infinite.</param>
    public TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan ? simulated : TimeSpan.FromTicks((long)(simulated.Ticks / Speed));

    /// <summary>How long <paramref name="real"/> lasts in simulated time.</summary>
    /// <param name="real">A span of real time.</param>
    public TimeSpan Simulated(TimeSpan real) => TimeSpan.FromTicks(checked((long)(real.Ticks * Speed)));

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)));

    private sealed class ScaledTimer(AcceleratedTimeProvider clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) =>
            inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
