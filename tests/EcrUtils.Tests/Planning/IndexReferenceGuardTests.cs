using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.RelatedImages;

namespace EcrUtils.Tests.Planning;

public sealed class IndexReferenceGuardTests
{
    // Per-platform tags of the form am-<build>.<arch> belong to the environment too.
    private static readonly TagRules s_rules = TagRules.Create("am", null, null, []);

    [Fact]
    public void Apply_KeepsATaggedChild_ThatAnIndexWhichStaysLists()
    {
        EcrImage[] images = [Child("amd64", 1, "am-1.amd64"), Index("new", 2, "am-2")];
        var plan = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var sut = IndexReferenceGuard.Apply(plan, images, Catalog(("new", ["amd64"])));

        var decision = Assert.Single(sut.Decisions, d => d.Image.Digest == Digest("amd64"));
        Assert.Equal((ImageAction.Keep, $"listed by index {Digest("new")}, which stays"), (decision.Action, decision.Reason));
        Assert.Equal(0, sut.ImagesDeleted);
    }

    [Fact]
    public void Apply_LeavesTheRemoval_WhenTheIndexThatListsTheImageGoesToo()
    {
        EcrImage[] images = [Child("amd64", 1, "am-1.amd64"), Index("old", 1, "am-1"), Index("new", 2, "am-2")];
        var plan = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var sut = IndexReferenceGuard.Apply(plan, images, Catalog(("old", ["amd64"]), ("new", [])));

        Assert.Equal(plan.Decisions, sut.Decisions);
    }

    [Fact]
    public void Apply_KeepsWhatAKeptIndexLists_InTurn()
    {
        EcrImage[] images = [Child("amd64", 1, "am-1.amd64"), Index("inner", 1, "am-1"), Index("new", 2, "am-2")];
        var plan = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var sut = IndexReferenceGuard.Apply(plan, images, Catalog(("new", ["inner"]), ("inner", ["amd64"])));

        Assert.All(sut.Decisions, d => Assert.Equal(ImageAction.Keep, d.Action));
    }

    [Fact]
    public void Apply_ChangesNothing_InARepositoryWithoutIndexes()
    {
        EcrImage[] images = [Plain("a", 1, "am-1"), Plain("b", 2, "am-2")];
        var plan = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        Assert.Same(plan, IndexReferenceGuard.Apply(plan, images, IndexCatalog.Empty));
    }
}
