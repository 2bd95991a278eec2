using EcrUtils.Reporting;

namespace EcrUtils.Tests.Reporting;

public sealed class MarkdownSummaryTests
{
    [Fact]
    public void Deletion_ListsRepositoriesTotalsAndProblems()
    {
        var report = new ReportDocument
        {
            Task = "DeleteOldestImages",
            Environment = "automation-master",
            Settings = new ReportSettings("^{environment}-[^-]+$", "(^|-)latest$", [], 2, null, null, null),
            Repositories =
            [
                new RepositoryReport { Name = "api", Uri = "u/api", ImagesKept = 2, ImagesToRemove = 3, ImagesDeleted = 3, BytesReclaimed = 1_500_000, Status = "done" },
                new RepositoryReport
                {
                    Name = "web|x", Uri = "u/web", Status = "failed",
                    Problems = [new ProblemReport("automation-master-1", "sha256:a", "TagMoved", "moved")],
                },
            ],
        };

        var markdown = MarkdownSummary.Render(report);

        Assert.Contains("| api | 2 | 3 | 3 | 1.5 MB | done |", markdown);
        Assert.Contains("web\\|x", markdown);
        Assert.Contains("**3** images were deleted, **1.5 MB** reclaimed.", markdown);
        Assert.Contains("TagMoved", markdown);
    }

    [Fact]
    public void Latest_ShowsPinnedImagesAndMissingOnes()
    {
        var report = new ReportDocument
        {
            Task = "GetLatestImages",
            Environment = "automation-master",
            Settings = new ReportSettings("^{environment}-[^-]+$", "(^|-)latest$", [], null, null, null, null),
            LatestImages =
            [
                new LatestImageReport("api", true, "automation-master", false, "automation-master-5", "sha256:abc", DateTimeOffset.UnixEpoch, "r/api:automation-master-5", "r/api@sha256:abc"),
                new LatestImageReport("web", false, null, false, null, null, null, null, null),
            ],
        };

        var markdown = MarkdownSummary.Render(report);

        Assert.Contains("`r/api@sha256:abc`", markdown);
        Assert.Contains("| web | ⚠️ no image | | |", markdown);
    }
}
