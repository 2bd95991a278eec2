using System.Text.Json;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Reporting;

/// <summary>A large report is kept crash-safe by a journal beside it rather than by rewriting it after every batch.</summary>
public sealed class ReportJournalTests : IDisposable
{
    private const int Images = 3_000;
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task LargeReport_HasEveryCompletedBatchOnDisk_BeforeTheNextBatchIsSent()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= Images; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i:D4}");
        }

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--max-parallel=1");
        var sut = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var onDisk = new Dictionary<int, int>();
        _fixture.Ecr.BeforeCall = call =>
        {
            if (call.Operation == "BatchDeleteImage")
            {
                onDisk[call.Number] = RemovedTagsOnDisk(sut.Path);
            }

            return ValueTask.CompletedTask;
        };

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), sut).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        var journalDuringRun = File.Exists(sut.Path + ".journal");
        sut.Complete(RunStatus.Succeeded);

        Assert.Equal(Enumerable.Range(1, 30).ToDictionary(n => n, n => (n - 1) * 100), onDisk);
        Assert.True(journalDuringRun);
        Assert.False(File.Exists(sut.Path + ".journal"));
        Assert.Equal(Images - 2, RemovedTagsOnDisk(sut.Path));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(Images, false)]
    public async Task Report_IsIndented_OnlyWhileSmall(int images, bool indented)
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= images; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i:D4}");
        }

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = _fixture.Report(EcrTask.DeleteOldestImages, options);
        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), sut).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        sut.Complete(RunStatus.Succeeded);

        var text = File.ReadAllText(sut.Path);
        Assert.Equal(indented, text.Contains('\n', StringComparison.Ordinal));
        Assert.Equal(images - 2, RemovedTagsOnDisk(sut.Path));
    }

    [Fact]
    public void JournalLine_SaysWhatTheReportSays_ForTheSameRepository()
    {
        var report = Repository(images: 3);
        report.Images[1] = new ImageReport
        {
            Digest = report.Images[1].Digest,
            Tags = report.Images[1].Tags,
            PushedAt = report.Images[1].PushedAt,
            SizeInBytes = report.Images[1].SizeInBytes,
            Action = report.Images[1].Action,
            Reason = report.Images[1].Reason,
            TagsToRemove = report.Images[1].TagsToRemove,
            InUseBy = report.Images[1].InUseBy,
            Related =
            [
                new RelatedImageReport
                {
                    Digest = "sha256:child",
                    Kind = "child",
                    Parent = report.Images[1].Digest,
                    Tags = [],
                    Action = "delete",
                    Reason = "only in this index",
                    Outcome = "planned",
                },
            ],
        };
        report.Problems.Add(new ProblemReport("v1+build.2", "sha256:moved", "TagMoved", "Tag \"v1+build.2\" moved: é <b> & \\ \t"));
        var journal = new ReportJournal(_fixture.ReportPath);

        journal.Append(report, report.Images);
        journal.Clear();
        journal.Append(report, report.Images);

        Assert.Equal(
            JsonSerializer.Serialize(report, ReportJson.TypeInfo<RepositoryReport>(ReportJson.Compact)),
            Assert.Single(File.ReadAllLines(journal.Path)));
    }

    [Fact]
    public void LargeStep_TakesSeveralLines_ThatTogetherAreTheStep()
    {
        var report = Repository(images: 2 * ReportJournal.ImagesPerLine + 10);
        var journal = new ReportJournal(_fixture.ReportPath);

        journal.Append(report, report.Images);

        var lines = File.ReadAllLines(journal.Path).Select(line => JsonDocument.Parse(line)).ToList();
        Assert.Equal([ReportJournal.ImagesPerLine, ReportJournal.ImagesPerLine, 10], lines.Select(l => l.RootElement.GetProperty("images").GetArrayLength()));
        Assert.All(lines, line =>
        {
            Assert.Equal("deleting", line.RootElement.GetProperty("status").GetString());
            Assert.Equal(report.ImagesToRemove, line.RootElement.GetProperty("imagesToRemove").GetInt32());
            Assert.Equal(1, line.RootElement.GetProperty("problems").GetArrayLength());
        });
        Assert.Equal(
            report.Images.Select(i => i.Digest),
            lines.SelectMany(l => l.RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("digest").GetString())));
        lines.ForEach(l => l.Dispose());
    }

    private static RepositoryReport Repository(int images)
    {
        var report = new RepositoryReport
        {
            Name = "api",
            Uri = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api",
            Status = "deleting",
            ImagesKept = 2,
            ImagesToRemove = images,
            Problems = { new ProblemReport("automation-master-1", "sha256:1", "TagMoved", "moved") },
        };
        for (var i = 0; i < images; i++)
        {
            report.Images.Add(new ImageReport
            {
                Digest = $"sha256:{i:x64}",
                Tags = [$"automation-master-{i}", "v1+build.2"],
                PushedAt = new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero).AddMinutes(i),
                SizeInBytes = 1_000_000 + i,
                Action = "remove",
                Reason = "older than the 2 newest images of automation-master",
                TagsToRemove = [$"automation-master-{i}"],
                DeletesImage = false,
                InUseBy = ["cluster/service"],
            });
        }

        return report;
    }

    // What a reader finds after a crash: the report, with the journal's lines applied in order.
    private static int RemovedTagsOnDisk(string reportPath)
    {
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var report = JsonDocument.Parse(File.ReadAllText(reportPath)))
        {
            foreach (var repository in report.RootElement.GetProperty("repositories").EnumerateArray())
            {
                foreach (var image in repository.GetProperty("images").EnumerateArray())
                {
                    removed[image.GetProperty("digest").GetString()!] = image.GetProperty("removedTags").GetArrayLength();
                }
            }
        }

        var journal = reportPath + ".journal";
        foreach (var line in File.Exists(journal) ? File.ReadAllLines(journal) : [])
        {
            using var entry = JsonDocument.Parse(line);
            Assert.Equal("api", entry.RootElement.GetProperty("name").GetString());
            foreach (var image in entry.RootElement.GetProperty("images").EnumerateArray())
            {
                removed[image.GetProperty("digest").GetString()!] = image.GetProperty("removedTags").GetArrayLength();
            }
        }

        return removed.Values.Sum();
    }
}
