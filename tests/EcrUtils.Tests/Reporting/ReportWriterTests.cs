using System.Text.Json;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Report_IsOnDisk_BeforeTheFirstEvent()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");

        var sut = _fixture.Report(EcrTask.DeleteOldestImages, options);

        using var document = JsonDocument.Parse(File.ReadAllText(sut.Path));
        Assert.Equal("running", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("settings").GetProperty("keep").GetInt32());
        Assert.Equal("^{environment}-[^-]+$", document.RootElement.GetProperty("settings").GetProperty("tagPattern").GetString());
    }

    [Fact]
    public void Report_OfTheRunBefore_IsKeptBeside_WithItsJournal_NeverOverwritten()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var first = _fixture.Report(EcrTask.DeleteOldestImages, options);
        first.Complete(RunStatus.Cancelled);
        File.WriteAllText(first.Path + ".journal", "{}\n");
        var previous = Path.Combine(Path.GetDirectoryName(first.Path)!, "report.previous.json");

        var sut = _fixture.Report(EcrTask.DeleteOldestImages, options);

        using var kept = JsonDocument.Parse(File.ReadAllText(previous));
        Assert.Equal("cancelled", kept.RootElement.GetProperty("status").GetString());
        Assert.Equal("{}\n", File.ReadAllText(previous + ".journal"));
        Assert.False(File.Exists(sut.Path + ".journal"), "The interrupted run's journal was left beside the new report.");
        using var current = JsonDocument.Parse(File.ReadAllText(sut.Path));
        Assert.Equal("running", current.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Report_ThatCannotBeWritten_StopsTheRunBeforeItStarts()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var path = Path.Combine(Path.GetDirectoryName(_fixture.ReportPath)!, "blocked.json");
        Directory.CreateDirectory(path + ".tmp");

        var error = Assert.ThrowsAny<Exception>(() => ReportWriter.Start(path, new RunResult(EcrTask.DeleteOldestImages, options, TimeProvider.System)));
        Assert.Contains("blocked.json.tmp", error.Message, StringComparison.Ordinal);
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

        sut.Complete(RunStatus.Succeeded);

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

        sut.BatchCompleted(repository, AnsweredBatch.Of(new BatchDeleteResult([new DeletedImage("automation-master-1", "sha256:1")], [])));

        using var document = JsonDocument.Parse(File.ReadAllText(sut.Path));
        var report = document.RootElement.GetProperty("repositories")[0];
        Assert.Equal(1, report.GetProperty("tagsRemoved").GetInt32());
        Assert.Equal(10, report.GetProperty("bytesReclaimed").GetInt64());
        Assert.Equal("deleting", report.GetProperty("status").GetString());
    }

    [Fact]
    public void Report_CountersMatchTheImages_AfterBatchesThatRemoveFailAndSplitAnImagesTags()
    {
        var repository = Repository("api");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = _fixture.Report(EcrTask.DeleteAllImages, options);
        List<EcrImage> images =
        [
            new("sha256:1", ["automation-master-1", "automation-master-1b"], OperationFixture.At(1), 10),
            new("sha256:2", ["automation-master-2"], OperationFixture.At(2), 20),
            new("sha256:3", ["automation-master-3"], OperationFixture.At(3), 40),
            new("sha256:4", ["automation-master-4"], OperationFixture.At(4), 80),
            new("sha256:5", ["automation-master-5"], OperationFixture.At(5), 160),
        ];
        sut.Planned(repository, DeleteAllPlanner.Plan(images, options.CreateTagRules("automation-master")));

        sut.BatchCompleted(repository, AnsweredBatch.Of(new BatchDeleteResult(
            [new DeletedImage("automation-master-1", "sha256:1"), new DeletedImage("automation-master-2", "sha256:2")],
            [new ImageFailure(ImageId.ForTag("automation-master-3"), ImageFailure.ImageReferencedByManifestList, "listed")])));
        var afterFirst = RepositoryOnDisk(sut.Path);
        sut.BatchCompleted(repository, AnsweredBatch.Of(new BatchDeleteResult(
            [new DeletedImage("automation-master-1b", "sha256:1")],
            [
                new ImageFailure(ImageId.ForTag("automation-master-4"), ImageFailure.ImageNotFound, "gone"),
                new ImageFailure(ImageId.ForTag("automation-master-5"), "InvalidImageTagException", "bad"),
            ])));
        var afterSecond = RepositoryOnDisk(sut.Path);

        Assert.Equal((2, 1, 20L), Counters(afterFirst));
        Assert.Equal("partly-removed", Outcomes(afterFirst)["sha256:1"]);
        Assert.Equal((4, 3, 110L), Counters(afterSecond));
        Assert.Equal(
            new Dictionary<string, string> { ["sha256:1"] = "removed", ["sha256:2"] = "removed", ["sha256:3"] = "kept", ["sha256:4"] = "removed", ["sha256:5"] = "failed" },
            Outcomes(afterSecond));
    }

    [Fact]
    public void Report_ListsRepositoriesByName_WhateverOrderTheirEventsCameIn()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories");
        var sut = _fixture.Report(EcrTask.DeleteAllImages, options);

        foreach (var name in new[] { "web", "api", "worker", "billing" })
        {
            sut.RepositoryCompleted(Repository(name));
        }

        using var document = JsonDocument.Parse(File.ReadAllText(sut.Path));
        Assert.Equal(
            ["api", "billing", "web", "worker"],
            document.RootElement.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    private static EcrRepository Repository(string name) =>
        new(name, $"arn:aws:ecr:us-east-1:123456789012:repository/{name}", "123456789012", $"123456789012.dkr.ecr.us-east-1.amazonaws.com/{name}");

    private static JsonElement RepositoryOnDisk(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("repositories")[0].Clone();
    }

    private static (int TagsRemoved, int ImagesDeleted, long BytesReclaimed) Counters(JsonElement repository) =>
        (repository.GetProperty("tagsRemoved").GetInt32(), repository.GetProperty("imagesDeleted").GetInt32(), repository.GetProperty("bytesReclaimed").GetInt64());

    private static Dictionary<string, string> Outcomes(JsonElement repository) =>
        repository.GetProperty("images").EnumerateArray().ToDictionary(i => i.GetProperty("digest").GetString()!, i => i.GetProperty("outcome").GetString()!);
}
