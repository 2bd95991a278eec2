namespace EcrUtils.Tests;

public sealed class ConcurrentReadsTests
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadAll_RunsTheReadsAtOnce_AndReturnsTheResultsInOrder()
    {
        var answers = new[] { new TaskCompletionSource<string>(), new TaskCompletionSource<string>(), new TaskCompletionSource<string>() };
        var started = 0;

        var sut = ConcurrentReads.ReadAllAsync(
            [0, 1, 2],
            (i, _) =>
            {
                Interlocked.Increment(ref started);
                return answers[i].Task;
            },
            CancellationToken.None);

        // Every read is on its way before any has answered.
        Assert.Equal(3, started);
        answers[2].SetResult("c");
        answers[0].SetResult("a");
        answers[1].SetResult("b");
        Assert.Equal(["a", "b", "c"], await sut.WaitAsync(s_guard));
    }

    [Fact]
    public async Task ReadAll_ThrowsTheFirstFailureInOrder_WhicheverFailsFirst()
    {
        var first = new TaskCompletionSource<string>();
        var secondCancelled = false;

        var sut = ConcurrentReads.ReadAllAsync(
            [0, 1, 2],
            async (i, token) =>
            {
                switch (i)
                {
                    case 0:
                        return await first.Task;
                    case 1:
                        try
                        {
                            await Task.Delay(Timeout.InfiniteTimeSpan, token);
                            return "never";
                        }
                        catch (OperationCanceledException)
                        {
                            secondCancelled = true;
                            throw;
                        }

                    default:
                        throw new InvalidOperationException("third");
                }
            },
            CancellationToken.None);

        // The third failed at once; the reads before it go on, and the first fails later.
        Assert.False(sut.IsCompleted);
        first.SetException(new InvalidOperationException("first"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.WaitAsync(s_guard));

        Assert.Equal("first", error.Message);
        Assert.True(secondCancelled);
    }

    [Fact]
    public async Task ReadAll_CancelsTheReadsAfterAFailure()
    {
        var sut = ConcurrentReads.ReadAllAsync<int, string>(
            [0, 1],
            async (i, token) =>
            {
                if (i == 0)
                {
                    await Task.Yield();
                    throw new InvalidOperationException("first");
                }

                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return "never";
            },
            CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.WaitAsync(s_guard));

        Assert.Equal("first", error.Message);
    }

    [Fact]
    public async Task ReadBoth_ReportsTheFirstReadsFailure_EvenWhenTheSecondFailsSooner()
    {
        var first = new TaskCompletionSource<int>();

        var sut = ConcurrentReads.ReadBothAsync<int, int>(
            _ => first.Task,
            _ => throw new InvalidOperationException("second"),
            CancellationToken.None);

        Assert.False(sut.IsCompleted);
        first.SetException(new InvalidOperationException("first"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.WaitAsync(s_guard));

        Assert.Equal("first", error.Message);
    }
}
