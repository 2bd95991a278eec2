using System.Text.Json;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Report_IsOnDisk_FromTheStart()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");

        var sut = _fixture.Report(EcrTask.DeleteOldestImages, options);

        using var document = JsonDocument.Parse(File.ReadAllText(sut.Path));
        Assert.Equal("running", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("settings").GetProperty("keep").GetInt32());
        Assert.Equal("^{environment}-[^-]+$", document.RootElement.GetProperty("settings").GetProperty("tagPattern").GetString());
    }

    [Fact]
    public async Task Report_RecordsEachImage_WithDecisionAndOutcome()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 3; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = _fixture.Report(EcrTask.DeleteOldestImages, options);
        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), sut).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        sut.Complete("succeeded");

        using var document = JsonDocument.Parse(File.ReadAllText(sut.Path));
        var repository = document.RootElement.GetProperty("repositories")[0];
        Assert.Equal("done", repository.GetProperty("status").GetString());
        Assert.Equal(1, repository.GetProperty("imagesDeleted").GetInt32());
        Assert.Equal(1_000_000, repository.GetProperty("bytesReclaimed").GetInt64());
        var outcomes = repository.GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("tags")[0].GetString()!, i => i.GetProperty("outcome").GetString());
        Assert.Equal("removed", outcomes["automation-master-1"]);
        Assert.Equal("kept", outcomes["automation-master-2"]);
        Assert.Equal("kept", outcomes["automation-master-3"]);
        Assert.Equal("succeeded", document.RootElement.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, document.RootElement.GetProperty("finishedAt").ValueKind);
    }

    [Fact]
    public void Report_RecordsProgress_AfterEachBatch()
    {
        var repository = new EcrRepository("api", "arn:aws:ecr:us-east-1:123456789012:repository/api", "123456789012", "123456789012.dkr.ecr.us-east-1.amazonaws.com/api");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = _fixture.Report(EcrTask.DeleteAllImages, options);
        var images = Enumerable.Range(1, 3)
            .Select(i => new EcrImage($"sha256:{i}", [$"automation-master-{i}"], OperationFixture.At(i), 10))
            .ToList();
        sut.Planned(repository, DeleteAllPlanner.Plan(images, options.CreateTagRules("automation-master")));

        sut.BatchCompleted(repository, new BatchDeleteResult([new DeletedImage("automation-master-1", "sha256:1")], []));

        using var document = JsonDocument.Parse(File.ReadAllText(sut.Path));
        var report = document.RootElement.GetProperty("repositories")[0];
        Assert.Equal(1, report.GetProperty("tagsRemoved").GetInt32());
        Assert.Equal(10, report.GetProperty("bytesReclaimed").GetInt64());
        Assert.Equal("deleting", report.GetProperty("status").GetString());
    }
}
