using System.Text.Json;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>What fails in one repository, or for one image, is reported with its reason, and the rest of the run completes.</summary>
public sealed class PartialFailureTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task RepositoryThatVanishesMidRun_FailsAlone_WhileTheOthersComplete()
    {
        SeedMaster("api", "web");
        _fixture.Ecr.BeforeCall = call =>
        {
            if (call.Operation == "DescribeImages" && call.Body["repositoryName"]?.GetValue<string>() == "api")
            {
                // Someone deletes the repository after we listed it.
                lock (_fixture.Ecr.Gate)
                {
                    _fixture.Ecr.Repositories.RemoveAll(r => r.Name == "api");
                }
            }

            return ValueTask.CompletedTask;
        };
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories", "--max-parallel=1");

        var results = await RunAsync(options, _fixture.Ecr.CreateClient());

        var api = results.Single(r => r.Repository.Name == "api");
        Assert.Contains("RepositoryNotFoundException", api.Error, StringComparison.Ordinal);
        Assert.False(results.Single(r => r.Repository.Name == "web").HasFailures);
        Assert.Equal(["automation-master-3", "automation-master-4"], _fixture.Tags("web"));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(_fixture.ReportPath));
        var reported = report.RootElement.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "api");
        Assert.Contains("RepositoryNotFoundException", reported.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageThatEcrFailsToDelete_IsReportedWithItsReason_AndTheOthersAreDeleted()
    {
        SeedMaster("api");
        var client = WrappedFakeClient.Create(_fixture.Ecr, inner => new TagFailureHandler(inner, "automation-master-2", "KmsError", "The KMS key is disabled."));
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");

        var result = Assert.Single(await RunAsync(options, client));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("automation-master-2", "KmsError", "The KMS key is disabled."), (problem.Tag, problem.Code, problem.Message));
        Assert.True(result.HasFailures);
        Assert.Equal(["automation-master-2", "automation-master-3", "automation-master-4"], _fixture.Tags("api"));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(_fixture.ReportPath));
        var outcomes = report.RootElement.GetProperty("repositories")[0].GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("tags")[0].GetString()!, i => i.GetProperty("outcome").GetString());
        Assert.Equal("removed", outcomes["automation-master-1"]);
        Assert.Equal("failed", outcomes["automation-master-2"]);
    }

    [Fact]
    public async Task IdThatTheAnswerLeavesOut_IsNeverCountedAsRemoved_AndEveryRecordSaysSo()
    {
        SeedMaster("api");
        var client = WrappedFakeClient.Create(_fixture.Ecr, inner => new OmittedIdHandler(inner, "automation-master-1"));
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--in-use-check=off");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var finished = new List<RepositoryProgress>();
        var progress = new RunProgress(_ => { }, finished.Add);
        report.Run.Observe(progress);

        await new DeleteImagesOperation(client, report).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        var result = Assert.Single(report.Run.Repositories);

        // The registry lost one tag; the result, the progress line and the report all say one.
        Assert.Equal(["automation-master-1", "automation-master-3", "automation-master-4"], _fixture.Tags("api"));
        Assert.Equal(["automation-master-2"], result.RemovedTags);
        Assert.Equal(1, progress.Current.TagsRemoved);
        Assert.Equal(1, Assert.Single(finished).TagsRemoved);
        var reported = report.Document.Repositories.Single();
        Assert.Equal((1, 1), (reported.TagsRemoved, reported.ImagesDeleted));
        Assert.Equal("unconfirmed", reported.Images.Single(i => i.Tags.Contains("automation-master-1")).Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("automation-master-1", DeletionProblem.Unconfirmed), (problem.Tag, problem.Code));
        Assert.Equal([DeletionProblem.Unconfirmed], reported.Problems.Select(p => p.Code));
        Assert.True(result.HasFailures);
    }

    private void SeedMaster(params string[] repositories)
    {
        foreach (var repository in repositories)
        {
            _fixture.Ecr.AddRepository(repository);
            for (var i = 1; i <= 4; i++)
            {
                _fixture.Push(repository, i, $"automation-master-{i}");
            }
        }
    }

    private async Task<IReadOnlyList<RepositoryResult>> RunAsync(EcrOptions options, EcrUtils.Ecr.IEcrClient client)
    {
        await new DeleteImagesOperation(client, _fixture.Report(EcrTask.DeleteOldestImages, options)).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        return _fixture.Results;
    }
}
