using System.Text.Json;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;
using EcrUtils.Tests.Fakes;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>Other pipelines change the registry while we list, plan and delete; what they did must survive or be reported.</summary>
public sealed class TagRaceTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task TagOfAnotherEnvironment_AddedToAPlannedImageBeforeDeletion_SurvivesWithTheImage()
    {
        _fixture.Ecr.AddRepository("api");
        var promoted = _fixture.Push("api", 1, "automation-master-1");
        for (var i = 2; i <= 4; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        OnFirstDeletion(() =>
        {
            // Another pipeline promotes the planned image to production while we are about to delete it.
            lock (_fixture.Ecr.Gate)
            {
                _fixture.Ecr.Repository("api").Images.Single(i => i.Digest == promoted).Tags.Add("production-1");
            }
        });
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");

        var result = Assert.Single(await RunAsync(options, EcrTask.DeleteOldestImages));

        Assert.False(result.HasFailures);
        Assert.Equal(["production-1"], _fixture.Ecr.Images("api").Single(i => i.Digest == promoted).Tags);
        Assert.Equal(["automation-master-3", "automation-master-4", "production-1"], _fixture.Tags("api"));
    }

    [Fact]
    public async Task ImagePushedDuringTheRun_IsNeverTouched_EvenByDeleteAll()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 3; i++)
        {
            _fixture.Push("api", i, $"automation-3f2a9c1d-{i}");
        }

        var pushed = FakeEcr.Digest("pushed during the run");
        OnFirstDeletion(() => _fixture.Ecr.AddImage("api", pushed, ["automation-3f2a9c1d-4"], OperationFixture.At(10)));
        var options = OperationFixture.Options("--environment=automation-3f2a9c1d", "--repository=api", "--confirm=automation-3f2a9c1d");

        var result = Assert.Single(await RunAsync(options, EcrTask.DeleteAllImages));

        Assert.False(result.HasFailures);
        var survivor = Assert.Single(_fixture.Ecr.Images("api"));
        Assert.Equal(pushed, survivor.Digest);
        Assert.Equal(["automation-3f2a9c1d-4"], survivor.Tags);
    }

    [Fact]
    public async Task PlannedTagMovedToAnotherImage_IsReportedAsAnError_InTheResultAndTheReport()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 3; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        var newcomer = FakeEcr.Digest("re-pushed");
        // A pipeline re-pushes a planned tag onto a new image; deleting by tag then removes it from that image.
        OnFirstDeletion(() => _fixture.Ecr.AddImage("api", newcomer, ["automation-master-1"], OperationFixture.At(20)));
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");

        var result = Assert.Single(await RunAsync(options, EcrTask.DeleteOldestImages));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(DeletionProblem.TagMoved, problem.Code);
        Assert.Equal(newcomer, problem.Digest);
        Assert.True(result.HasFailures);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(_fixture.ReportPath));
        var reported = Assert.Single(report.RootElement.GetProperty("repositories")[0].GetProperty("problems").EnumerateArray());
        Assert.Equal(DeletionProblem.TagMoved, reported.GetProperty("code").GetString());
        Assert.Contains(newcomer, reported.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteOldest_NeverTakesATagThatMovedWhileTheRepositoryWasListed_FromTheImageItMovedTo()
    {
        _fixture.Ecr.AddRepository("api");
        var oldest = _fixture.Push("api", 0, "automation-master-0");
        for (var i = 1; i <= 1000; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        // The newest image, untagged when the listing starts, on its second page. Once the first page was read,
        // another pipeline moves automation-master-0 onto it: the listing shows that tag on both images.
        var retagged = _fixture.PushSeeded("api", "retagged", 2000);
        _fixture.Ecr.BeforeCall = call =>
        {
            if (call.Operation == "DescribeImages" && call.Number == 2)
            {
                _fixture.Ecr.MoveTag("api", "automation-master-0", retagged);
            }

            return ValueTask.CompletedTask;
        };
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");

        var results = await RunAsync(options, EcrTask.DeleteOldestImages);

        // Removed by name as planned for the oldest image, the tag would have left the newest, and it with it.
        Assert.Equal(["automation-master-0"], _fixture.Ecr.Images("api").Single(i => i.Digest == retagged).Tags);
        Assert.Equal(["automation-master-0", "automation-master-1000"], _fixture.Tags("api"));
        var result = Assert.Single(results);
        Assert.False(result.HasFailures);
        var kept = result.Plan!.Decisions.Single(d => d.Image.Digest == oldest);
        Assert.StartsWith("tag automation-master-0 was also listed on another image", kept.Reason, StringComparison.Ordinal);
    }

    private void OnFirstDeletion(Action change) => _fixture.Ecr.BeforeCall = call =>
    {
        if (call.Operation == "BatchDeleteImage")
        {
            _fixture.Ecr.BeforeCall = null;
            change();
        }

        return ValueTask.CompletedTask;
    };

    private async Task<IReadOnlyList<RepositoryResult>> RunAsync(EcrOptions options, EcrTask task)
    {
        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(task, options)).RunAsync(options, task, CancellationToken.None);
        return _fixture.Results;
    }
}
