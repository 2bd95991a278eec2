using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Reporting;

public sealed class MarkdownSummaryTests
{
    [Fact]
    public void Deletion_ListsRepositoriesTotalsAndProblems()
    {
        var run = new RunResult(EcrTask.DeleteOldestImages, OperationFixture.Options("--environment=automation-master", "--all-repositories"), TimeProvider.System);
        var api = Repository("api");
        var images = Enumerable.Range(1, 5).Select(i => new EcrImage($"sha256:{i}", [$"automation-master-{i}"], OperationFixture.At(i), 500_000)).ToList();
        run.Planned(api, new RepositoryPlan(
        [
            .. images[3..].Select(i => new ImageDecision(i, ImageAction.Keep, [], "one of the 2 newest")),
            .. images[..3].Select(i => new ImageDecision(i, ImageAction.Remove, i.Tags, "older than the 2 newest")),
        ]));
        run.BatchCompleted(api, AnsweredBatch.Of(new BatchDeleteResult([.. images[..3].Select(i => new DeletedImage(i.Tags[0], i.Digest))], [])));
        run.RepositoryCompleted(api);
        var web = Repository("web|x");
        run.Planned(web, new RepositoryPlan([]));
        run.Problem(web, new DeletionProblem("automation-master-1", "sha256:a", "TagMoved", "moved"));
        run.RepositoryCompleted(web);

        var markdown = MarkdownSummary.Render(run);

        Assert.Contains("| api | 2 | 3 | 3 | 1.5 MB | done |", markdown);
        Assert.Contains("web\\|x", markdown);
        Assert.Contains("**3** images were deleted, **1.5 MB** reclaimed.", markdown);
        Assert.Contains("TagMoved", markdown);
    }

    [Fact]
    public void Latest_ShowsPinnedImagesAndMissingOnes()
    {
        var run = new RunResult(EcrTask.GetLatestImages, OperationFixture.Options("--environment=automation-master", "--all-repositories"), TimeProvider.System);
        run.LatestImagesFound(
        [
            new LatestImageResult(Repository("api"), new LatestImage(new EcrImage("sha256:abc", ["automation-master-5"], DateTimeOffset.UnixEpoch, 1), "automation-master-5"), "automation-master", IsFallback: false),
            new LatestImageResult(Repository("web"), null, null, IsFallback: false),
        ]);

        var markdown = MarkdownSummary.Render(run);

        Assert.Contains("`r/api@sha256:abc`", markdown);
        Assert.Contains("| web | ⚠️ no image | | |", markdown);
    }

    private static EcrRepository Repository(string name) => new(name, $"arn:aws:ecr:us-east-1:123456789012:repository/{name}", "123456789012", $"r/{name}");
}
