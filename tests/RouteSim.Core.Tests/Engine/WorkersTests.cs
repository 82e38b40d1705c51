using RouteSim.Core.Engine;

namespace RouteSim.Core.Tests.Engine;

public class WorkersTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Every_thread_runs_the_loop_once(int count)
    {
        int runs = 0;
        Workers.Run(count, () => Interlocked.Increment(ref runs));
        Assert.Equal(count, runs);
    }

    /// <summary>A failure reaches the caller as itself, not wrapped, and is preferred to the cancellations it caused.</summary>
    [Fact]
    public void A_failure_surfaces_as_its_cause_rather_than_a_cancellation()
    {
        int turn = 0;
        var e = Assert.Throws<InvalidOperationException>(() => Workers.Run(3, () =>
        {
            if (Interlocked.Increment(ref turn) == 2) throw new InvalidOperationException("disk full");
            throw new OperationCanceledException();
        }));
        Assert.Equal("disk full", e.Message);
    }

    [Fact]
    public void A_cancellation_alone_stays_a_cancellation()
    {
        Assert.Throws<OperationCanceledException>(() => Workers.Run(2, () => throw new OperationCanceledException()));
    }
}
