using EcrUtils.Ecr;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Planning;

public sealed class RepositoryPlannerTests
{
    private static readonly EcrOptions s_options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--keep=3");

    [Theory]
    [InlineData(EcrTask.DeleteOldestImages, 3)]
    [InlineData(EcrTask.DeleteAllImages, 0)]
    public void For_PlansAsTheTaskSays(EcrTask task, int kept)
    {
        var ranking = new ImageRanking(s_options.CreateTagRules("automation-master"));
        ranking.Add([.. Enumerable.Range(1, 5).Select(i => new EcrImage($"sha256:{i}", [$"automation-master-{i}"], OperationFixture.At(i), 1))]);

        var plan = RepositoryPlanner.For(task, s_options, OperationFixture.At(60)).Plan(ranking);

        Assert.Equal((kept, 5 - kept), (plan.Kept.Count, plan.Removals.Count));
    }

    [Fact]
    public void For_RefusesATaskThatDeletesNothing() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepositoryPlanner.For(EcrTask.GetLatestImages, s_options, OperationFixture.At(60)));
}
