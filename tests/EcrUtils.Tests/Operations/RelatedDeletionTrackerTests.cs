using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.RelatedImages;

namespace EcrUtils.Tests.Operations;

public sealed class RelatedDeletionTrackerTests
{
    private static readonly string s_index = Digest("index");

    [Fact]
    public void Record_CountsADigestDeletionThatEcrConfirms_AsDone()
    {
        var child = ChildDecision("amd64");
        var sut = new RelatedDeletionTracker([child]);

        var outcomes = sut.Record(sut.ImageIds, new BatchDeleteResult([new DeletedImage(null, Digest("amd64"))], []));

        Assert.Equal([new RelatedImageOutcome(Digest("amd64"), RelatedImageStatus.Deleted)], outcomes);
        Assert.Equal([child], sut.Deleted);
        Assert.Empty(sut.TakeProblems());
    }

    [Fact]
    public void Record_LeavesADigestDeletionWithoutAnAnswer_Unconfirmed_AndSaysSo()
    {
        var sut = new RelatedDeletionTracker([ChildDecision("amd64")]);

        // An answer with neither the id among the deleted nor a failure for it.
        var outcomes = sut.Record(sut.ImageIds, new BatchDeleteResult([], []));

        Assert.Equal(RelatedImageStatus.Unconfirmed, Assert.Single(outcomes).Status);
        Assert.Empty(sut.Deleted);
        Assert.Equal((DeletionProblem.Unconfirmed, Digest("amd64")), (Assert.Single(sut.TakeProblems()) is var p ? (p.Code, p.Digest) : default));
    }

    [Fact]
    public void Record_KeepsAChildThatEcrRefuses_WithoutAProblem()
    {
        var sut = new RelatedDeletionTracker([ChildDecision("amd64")]);

        var outcomes = sut.Record(sut.ImageIds, Failed(ImageId.ForDigest(Digest("amd64")), ImageFailure.ImageReferencedByManifestList));

        Assert.Equal(RelatedImageStatus.Kept, Assert.Single(outcomes).Status);
        Assert.Empty(sut.Deleted);
        Assert.Empty(sut.TakeProblems());
    }

    [Fact]
    public void Record_ReportsAnyOtherFailure_AsAProblemThatSaysWhatToDo()
    {
        var sut = new RelatedDeletionTracker([ChildDecision("amd64")]);

        var outcomes = sut.Record(sut.ImageIds, Failed(ImageId.ForDigest(Digest("amd64")), "InvalidImageDigest"));

        Assert.Equal(RelatedImageStatus.Failed, Assert.Single(outcomes).Status);
        var problem = Assert.Single(sut.TakeProblems());
        Assert.Equal(("InvalidImageDigest", Digest("amd64")), (problem.Code, problem.Digest));
        Assert.Contains($"aws ecr batch-delete-image --image-ids imageDigest={Digest("amd64")}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_CompletesACompanionWithTwoTags_OnlyWhenBothAreGone()
    {
        var image = Plain("sig", 1, CompanionTags.For(s_index, "sig"), CompanionTags.For(s_index, "att"));
        var sut = new RelatedDeletionTracker([new RelatedImageDecision(image, RelatedImageKind.Companion, s_index, s_index, true, 1, [s_index], "signature")]);

        var first = sut.Record([sut.ImageIds[0]], new BatchDeleteResult([new DeletedImage(image.Tags[0], image.Digest)], []));
        var second = sut.Record([sut.ImageIds[1]], Failed(sut.ImageIds[1], ImageFailure.ImageNotFound));

        Assert.Empty(first);
        Assert.Equal(RelatedImageStatus.Deleted, Assert.Single(second).Status);
    }

    [Fact]
    public void Record_ReportsACompanionTagThatHadMoved()
    {
        var image = Plain("sig", 1, CompanionTags.For(s_index, "sig"));
        var sut = new RelatedDeletionTracker([new RelatedImageDecision(image, RelatedImageKind.Companion, s_index, s_index, true, 1, [s_index], "signature")]);

        sut.Record(sut.ImageIds, new BatchDeleteResult([new DeletedImage(image.Tags[0], Digest("re-signed"))], []));

        Assert.Equal(DeletionProblem.TagMoved, Assert.Single(sut.TakeProblems()).Code);
    }

    private static RelatedImageDecision ChildDecision(string name) =>
        new(Child(name, 1), RelatedImageKind.Child, s_index, s_index, Deletes: true, 1, [s_index], "child of a deleted index");

    private static BatchDeleteResult Failed(ImageId id, string code) => new([], [new ImageFailure(id, code, "reason")]);
}
