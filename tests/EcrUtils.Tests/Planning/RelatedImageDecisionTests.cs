using EcrUtils.Ecr;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.RelatedImages;

namespace EcrUtils.Tests.Planning;

public sealed class RelatedImageDecisionTests
{
    private static readonly string s_index = Digest("index");

    [Fact]
    public void ImageIds_NameAnUntaggedChildByDigest_AndACompanionByEachTag()
    {
        var child = new RelatedImageDecision(Child("amd64", 1), RelatedImageKind.Child, s_index, s_index, true, 1, [s_index], "child");
        var companion = new RelatedImageDecision(Plain("sig", 1, "a.sig", "b.sig"), RelatedImageKind.Companion, s_index, s_index, true, 1, [s_index], "signature");

        Assert.Equal([ImageId.ForDigest(Digest("amd64"))], child.ImageIds);
        Assert.Equal([ImageId.ForTag("a.sig"), ImageId.ForTag("b.sig")], companion.ImageIds);
        Assert.Empty((child with { Deletes = false }).ImageIds);
    }

    [Fact]
    public void ImageIds_RefuseToNameATaggedChildByDigest()
    {
        var sut = new RelatedImageDecision(Child("amd64", 1, "pushed-meanwhile"), RelatedImageKind.Child, s_index, s_index, true, 1, [s_index], "child");

        Assert.Throws<InvalidOperationException>(() => sut.ImageIds);
    }
}
