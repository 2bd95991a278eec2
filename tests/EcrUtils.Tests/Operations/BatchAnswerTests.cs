using EcrUtils.Ecr;
using EcrUtils.Operations;

namespace EcrUtils.Tests.Operations;

public sealed class BatchAnswerTests
{
    private static readonly ImageId s_removed = ImageId.ForTag("dev-1");
    private static readonly ImageId s_moved = ImageId.ForTag("dev-2");
    private static readonly ImageId s_gone = ImageId.ForTag("dev-3");
    private static readonly ImageId s_listed = ImageId.ForTag("dev-4");
    private static readonly ImageId s_failed = ImageId.ForTag("dev-5");
    private static readonly ImageId s_omitted = ImageId.ForTag("dev-6");
    private static readonly ImageId s_child = ImageId.ForDigest("sha256:child");
    private static readonly ImageId s_omittedChild = ImageId.ForDigest("sha256:other-child");

    [Fact]
    public void Classify_GivesEveryIdSent_ExactlyOneOutcome_InTheOrderSent()
    {
        ImageId[] sent = [s_removed, s_moved, s_gone, s_listed, s_failed, s_omitted, s_child, s_omittedChild];
        var answer = new BatchDeleteResult(
            [new DeletedImage("dev-1", "sha256:1"), new DeletedImage("dev-2", "sha256:elsewhere"), new DeletedImage(null, "sha256:child")],
            [
                new ImageFailure(s_gone, ImageFailure.ImageNotFound, "gone"),
                new ImageFailure(s_listed, ImageFailure.ImageReferencedByManifestList, "listed"),
                new ImageFailure(s_failed, "KmsError", "disabled"),
            ]);

        var sut = BatchAnswer.Classify(sent, answer, id => id.Tag is null ? null : "sha256:" + id.Tag[^1]);

        Assert.Equal(sent, sut.Ids.Select(r => r.Id));
        Assert.Equal(
            [IdOutcome.Removed, IdOutcome.TagMoved, IdOutcome.AlreadyGone, IdOutcome.KeptByIndex, IdOutcome.Failed, IdOutcome.Unconfirmed, IdOutcome.Removed, IdOutcome.Unconfirmed],
            sut.Ids.Select(r => r.Outcome));
        Assert.Equal("sha256:elsewhere", sut.Ids[1].DeletedDigest);
        Assert.Equal("KmsError", sut.Ids[4].Failure!.Code);
        Assert.Equal(3, sut.Ids.Count(r => r.Id.Tag is not null && r.IsGone));
    }

    [Fact]
    public void Classify_CountsADigestDeletion_ThatEcrListsUnderTheImagesTag_AsRemoved()
    {
        var answer = new BatchDeleteResult([new DeletedImage("dev-1", "sha256:child")], []);

        var sut = BatchAnswer.Classify([s_child], answer, _ => null);

        Assert.Equal(IdOutcome.Removed, Assert.Single(sut.Ids).Outcome);
    }

    [Fact]
    public void Classify_ChecksNoDigest_WhereThePlanGivesNone()
    {
        var answer = new BatchDeleteResult([new DeletedImage("dev-1", "sha256:anything")], []);

        var sut = BatchAnswer.Classify([s_removed], answer, _ => null);

        Assert.Equal(IdOutcome.Removed, Assert.Single(sut.Ids).Outcome);
    }
}
