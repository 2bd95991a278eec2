using System.Text.Json;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Tests.Operations;
using static EcrUtils.Tests.Planning.RelatedImages;

namespace EcrUtils.Tests.Reporting;

public sealed class ReportWriterRelatedTests : IDisposable
{
    private static readonly EcrRepository s_repository = new("api", "arn:aws:ecr:us-east-1:123456789012:repository/api", "123456789012", "123456789012.dkr.ecr.us-east-1.amazonaws.com/api");
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Report_ListsChildrenAndCompanionsUnderTheirImage_AndCountsOnlyThoseThatWent()
    {
        var index = Index("old", 1, "automation-master-1");
        var plan = new RepositoryPlan([new ImageDecision(index, ImageAction.Remove, ["automation-master-1"], "older than the 2 newest")]);
        RelatedImageDecision[] related =
        [
            new(Child("amd64", 1), RelatedImageKind.Child, index.Digest, index.Digest, Deletes: true, 1, [index.Digest], "child of a deleted index"),
            new(Child("arm64", 1), RelatedImageKind.Child, index.Digest, index.Digest, Deletes: true, 1, [index.Digest], "child of a deleted index"),
            new(Signature("old", 1), RelatedImageKind.Companion, index.Digest, index.Digest, Deletes: false, 0, [index.Digest], "also holds tag x, which stays"),
        ];
        var sut = _fixture.Report(EcrTask.DeleteOldestImages, OperationFixture.Options("--environment=automation-master", "--repository=api"));
        sut.Planned(s_repository, plan);
        sut.BatchCompleted(s_repository, AnsweredBatch.Of(new BatchDeleteResult([new DeletedImage("automation-master-1", index.Digest)], [])));

        sut.RelatedPlanned(s_repository, new CleanupPlan(related));
        sut.RelatedCompleted(s_repository,
        [
            new RelatedImageOutcome(Digest("amd64"), RelatedImageStatus.Deleted),
            new RelatedImageOutcome(Digest("arm64"), RelatedImageStatus.Failed, "InvalidImageDigest: no"),
        ]);

        using var document = JsonDocument.Parse(File.ReadAllText(sut.Path));
        var repository = document.RootElement.GetProperty("repositories")[0];
        Assert.Equal((2, 1_500L), (repository.GetProperty("imagesDeleted").GetInt32(), repository.GetProperty("bytesReclaimed").GetInt64()));
        var entries = repository.GetProperty("images")[0].GetProperty("related").EnumerateArray()
            .ToDictionary(r => r.GetProperty("digest").GetString()!, r => (r.GetProperty("action").GetString(), r.GetProperty("outcome").GetString(), r.GetProperty("reason").GetString()));
        Assert.Equal(("delete", "deleted", "child of a deleted index"), entries[Digest("amd64")]);
        Assert.Equal(("delete", "failed", "InvalidImageDigest: no"), entries[Digest("arm64")]);
        Assert.Equal(("keep", "kept", "also holds tag x, which stays"), entries[Digest("sig-of-old")]);
    }
}
