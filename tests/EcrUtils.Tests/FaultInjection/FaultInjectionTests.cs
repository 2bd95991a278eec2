using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>
/// Each task, run against a registry that throttles about 30% of calls, fails some with 500, resets connections and
/// lets calls hang past their timeout, ends with exactly the registry (or the answer) of a run without faults.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecrutils-faults-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task DeleteOldest_EndsWithTheRegistryOfAFaultFreeRun(int seed)
    {
        string[] arguments = ["--environment=automation-master", "--all-repositories", "--keep=3"];
        var clean = new FaultScenario(faultSeed: null);
        await DeleteAsync(clean, EcrTask.DeleteOldestImages, arguments);
        var sut = new FaultScenario(seed);

        var results = await DeleteAsync(sut, EcrTask.DeleteOldestImages, arguments);

        Assert.Equal(clean.Registry(), sut.Registry());
        Assert.All(results, r => Assert.False(r.HasFailures, $"{r.Repository.Name}: {r.Error} {string.Join("; ", r.Problems)}"));
        AssertFaultsWereInjected(sut.Plan!);
        Assert.Empty(sut.Ecr.Violations);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task DeleteAll_EndsWithTheRegistryOfAFaultFreeRun(int seed)
    {
        string[] arguments = ["--environment=automation-3f2a9c1d", "--all-repositories", "--confirm=automation-3f2a9c1d"];
        var clean = new FaultScenario(faultSeed: null);
        await DeleteAsync(clean, EcrTask.DeleteAllImages, arguments);
        var sut = new FaultScenario(seed);

        var results = await DeleteAsync(sut, EcrTask.DeleteAllImages, arguments);

        Assert.Equal(clean.Registry(), sut.Registry());
        Assert.All(results, r => Assert.False(r.HasFailures, $"{r.Repository.Name}: {r.Error} {string.Join("; ", r.Problems)}"));
        AssertFaultsWereInjected(sut.Plan!);
        Assert.Empty(sut.Ecr.Violations);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public async Task GetLatest_GivesTheAnswerOfAFaultFreeRun(int seed)
    {
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories", "--fallback-environment=automation-3f2a9c1d");
        var clean = new FaultScenario(faultSeed: null);
        var expected = Describe(await clean.Time.RunAsync(() => new GetLatestImagesOperation(clean.Client).RunAsync(options, CancellationToken.None)));
        var sut = new FaultScenario(seed);

        var results = await sut.Time.RunAsync(() => new GetLatestImagesOperation(sut.Client).RunAsync(options, CancellationToken.None));

        Assert.Equal(expected, Describe(results));
        Assert.Equal(clean.Registry(), sut.Registry());
        Assert.Contains(sut.Plan!.Log, l => l.Fault == InjectedFault.Throttling);
    }

    private static void AssertFaultsWereInjected(FaultPlan plan)
    {
        var log = plan.Log;
        Assert.InRange(plan.Count(InjectedFault.Throttling), log.Count * 0.15, log.Count * 0.75);
        Assert.True(plan.Count(InjectedFault.ResetAfterApplying) >= 1, "A deletion's answer was lost after it took effect.");
        Assert.True(plan.Count(InjectedFault.HangAfterApplying) >= 1, "A deletion hung past its timeout after it took effect.");
    }

    private static IReadOnlyList<string> Describe(IReadOnlyList<LatestImageResult> results) =>
        [.. results.Select(r => $"{r.Repository.Name} {r.Latest?.Tag} {r.Latest?.Image.Digest} {r.Environment} {r.IsFallback}")];

    private async Task<IReadOnlyList<RepositoryResult>> DeleteAsync(FaultScenario scenario, EcrTask task, string[] arguments)
    {
        var options = OperationFixture.Options(arguments);
        var report = RecordedRun.Start(Path.Combine(_folder, $"{Guid.NewGuid():N}.json"), task, options, scenario.Time);
        await scenario.Time.RunAsync(() => new DeleteImagesOperation(scenario.Client, report).RunAsync(options, task, CancellationToken.None));
        return report.Run.Repositories;
    }
}
