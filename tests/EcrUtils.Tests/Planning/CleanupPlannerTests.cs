using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.RelatedImages;

namespace EcrUtils.Tests.Planning;

public sealed class CleanupPlannerTests
{
    private static readonly TagRules s_rules = TagRules.Create("am", null, null, ["^keep-"]);

    [Fact]
    public void PlanAhead_DeletesTheChildrenOfADeletedIndex_ButNotAChildThatAKeptIndexShares()
    {
        EcrImage[] images =
        [
            Child("old-amd64", 1), Child("shared-arm64", 1), Index("old", 1, "am-1"),
            Child("new-amd64", 2), Index("new", 2, "am-2"),
        ];
        var catalog = Catalog(("old", ["old-amd64", "shared-arm64"]), ("new", ["new-amd64", "shared-arm64"]));
        var plan = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var sut = CleanupPlanner.PlanAhead(images, plan, catalog, s_rules);

        var deleted = Assert.Single(sut.Deletions);
        Assert.Equal((Digest("old-amd64"), RelatedImageKind.Child, Digest("old"), Digest("old"), 1), (deleted.Image.Digest, deleted.Kind, deleted.Parent, deleted.Root, deleted.Wave));
        Assert.Equal([ImageId.ForDigest(Digest("old-amd64"))], deleted.ImageIds);
        var kept = Assert.Single(sut.Decisions, d => !d.Deletes);
        Assert.Equal(Digest("shared-arm64"), kept.Image.Digest);
        Assert.Equal($"also listed by index {Digest("new")}, which stays", kept.Reason);
        Assert.Equal(1_000, sut.BytesReclaimed);
    }

    [Fact]
    public void PlanAhead_KeepsAChildThatHasItsOwnTag()
    {
        EcrImage[] images = [Child("amd64", 1, "debug-amd64"), Child("arm64", 1), Index("old", 1, "am-1"), Index("new", 2, "am-2")];
        var catalog = Catalog(("old", ["amd64", "arm64"]), ("new", []));

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), catalog, s_rules);

        Assert.Equal([Digest("arm64")], sut.Deletions.Select(d => d.Image.Digest));
        Assert.Equal("has its own tag debug-amd64", Assert.Single(sut.Decisions, d => !d.Deletes).Reason);
    }

    [Fact]
    public void PlanAhead_KeepsAChild_ThatAnIndexOfAnotherEnvironmentLists()
    {
        EcrImage[] images = [Child("amd64", 1), Index("am", 1, "am-1"), Index("other", 1, "other-1")];
        var catalog = Catalog(("am", ["amd64"]), ("other", ["amd64"]));

        var sut = CleanupPlanner.PlanAhead(images, DeleteAllPlanner.Plan(images, s_rules), catalog, s_rules);

        Assert.Empty(sut.Deletions);
        Assert.Equal($"also listed by index {Digest("other")}, which stays", Assert.Single(sut.Decisions).Reason);
    }

    [Fact]
    public void PlanAhead_KeepsTheChildrenOfAnIndexThatLosesOnlyTheEnvironmentsTag()
    {
        EcrImage[] images = [Child("amd64", 1), Index("shared", 1, "am-1", "other-1")];
        var catalog = Catalog(("shared", ["amd64"]));

        var sut = CleanupPlanner.PlanAhead(images, DeleteAllPlanner.Plan(images, s_rules), catalog, s_rules);

        Assert.Empty(sut.Decisions);
    }

    [Fact]
    public void PlanAhead_DeletesTheSignatureOfADeletedImage_AndLeavesTheSignatureOfAKeptOne()
    {
        EcrImage[] images =
        [
            Plain("old", 1, "am-1"), Signature("old", 1), Signature("old", 1, "att"), Signature("old", 1, "sbom"),
            Plain("new", 2, "am-2"), Signature("new", 2),
        ];

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), IndexCatalog.Empty, s_rules);

        Assert.Equal(
            new[] { Digest("att-of-old"), Digest("sbom-of-old"), Digest("sig-of-old") }.Order(StringComparer.Ordinal),
            sut.Deletions.Select(d => d.Image.Digest).Order(StringComparer.Ordinal));
        Assert.All(sut.Deletions, d => Assert.Equal((RelatedImageKind.Companion, Digest("old"), 1), (d.Kind, d.Parent, d.Wave)));
        Assert.Equal([ImageId.ForTag(CompanionTags.For(Digest("old"), "sig"))], sut.Deletions.Single(d => d.Image.Digest == Digest("sig-of-old")).ImageIds);
        Assert.Equal("signature of a deleted image", sut.Deletions.Single(d => d.Image.Digest == Digest("sig-of-old")).Reason);
        Assert.Equal(3, sut.Decisions.Count);
    }

    [Fact]
    public void PlanAhead_KeepsACompanionThatHoldsAnotherTag()
    {
        EcrImage[] images = [Plain("old", 1, "am-1"), Plain("sbom", 1, CompanionTags.For(Digest("old"), "sbom"), "audit-2026"), Plain("new", 2, "am-2")];

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), IndexCatalog.Empty, s_rules);

        Assert.Empty(sut.Deletions);
        Assert.Equal("also holds tag audit-2026, which stays", Assert.Single(sut.Decisions).Reason);
    }

    [Fact]
    public void PlanAhead_KeepsACompanionThatHoldsTheCompanionTagOfAKeptImageToo()
    {
        var sbomOfBoth = Plain("sbom", 1, CompanionTags.For(Digest("old"), "sbom"), CompanionTags.For(Digest("new"), "sbom"));
        EcrImage[] images = [Plain("old", 1, "am-1"), sbomOfBoth, Plain("new", 2, "am-2")];

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), IndexCatalog.Empty, s_rules);

        Assert.Empty(sut.Deletions);
        Assert.False(Assert.Single(sut.Decisions).Deletes);
    }

    [Fact]
    public void PlanAhead_KeepsACompanionWithAProtectedTag()
    {
        var protectedTag = CompanionTags.For(Digest("old"), "sig");
        var rules = TagRules.Create("am", null, null, ["\\.sig$"]);
        EcrImage[] images = [Plain("old", 1, "am-1"), Plain("sig", 1, protectedTag), Plain("new", 2, "am-2")];

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, rules, keep: 1), IndexCatalog.Empty, rules);

        Assert.Equal($"holds protected tag {protectedTag}", Assert.Single(sut.Decisions).Reason);
    }

    [Fact]
    public void PlanAhead_LeavesUntaggedImagesThatBelongToNothingDeletedAlone()
    {
        EcrImage[] images = [Plain("stray", 0), Child("new-amd64", 2), Index("new", 2, "am-2"), Plain("old", 1, "am-1")];
        var catalog = Catalog(("new", ["new-amd64"]));

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), catalog, s_rules);

        Assert.Empty(sut.Decisions);
    }

    [Fact]
    public void PlanAhead_DeletesNestedIndexes_ParentsBeforeChildren_WithTheirSignatures()
    {
        EcrImage[] images =
        [
            Child("grandchild", 1), Index("inner", 1), Index("outer", 1, "am-1"), Signature("grandchild", 1), Index("new", 2, "am-2"),
        ];
        var catalog = Catalog(("outer", ["inner"]), ("inner", ["grandchild"]), ("new", []));

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), catalog, s_rules);

        Assert.Equal(
            [(Digest("inner"), 1), (Digest("grandchild"), 2), (Digest("sig-of-grandchild"), 3)],
            sut.Deletions.Select(d => (d.Image.Digest, d.Wave)));
        Assert.All(sut.Deletions, d => Assert.Equal(Digest("outer"), d.Root));
        Assert.Equal([1, 2, 3], sut.Waves.Select(w => Assert.Single(w).Wave));
    }

    [Fact]
    public void PlanAhead_DeletesAChildThatTwoDeletedIndexesShare_AfterBoth()
    {
        EcrImage[] images = [Child("shared", 1), Index("a", 1, "am-1"), Index("b", 2, "am-2"), Index("new", 3, "am-3")];
        var catalog = Catalog(("a", ["shared"]), ("b", ["shared"]), ("new", []));

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), catalog, s_rules);

        var deleted = Assert.Single(sut.Deletions);
        Assert.Equal(new[] { Digest("a"), Digest("b") }.Order(StringComparer.Ordinal), deleted.DependsOn.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PlanAhead_KeepsTheChildren_WhenAnIndexThatStaysCouldNotBeRead()
    {
        EcrImage[] images = [Child("amd64", 1), Index("old", 1, "am-1"), Index("unread", 2, "am-2")];
        var catalog = Catalog(("old", ["amd64"]));

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), catalog, s_rules);

        Assert.Empty(sut.Deletions);
        Assert.StartsWith($"the manifest of index {Digest("unread")} could not be read", Assert.Single(sut.Decisions).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanAhead_KeepsArchivedChildren()
    {
        EcrImage[] images = [Child("amd64", 1) with { Status = "ARCHIVED" }, Index("old", 1, "am-1"), Index("new", 2, "am-2")];
        var catalog = Catalog(("old", ["amd64"]), ("new", []));

        var sut = CleanupPlanner.PlanAhead(images, DeleteOldestPlanner.Plan(images, s_rules, keep: 1), catalog, s_rules);

        Assert.Equal("archived", Assert.Single(sut.Decisions).Reason);
    }

    [Fact]
    public void Plan_TakesNothingWithAnImageThatDidNotGo()
    {
        EcrImage[] now = [Child("amd64", 1), Signature("old", 1), Index("old", 1)];
        var catalog = Catalog(("old", ["amd64"]));

        var sut = CleanupPlanner.Plan(now, [], catalog, s_rules);

        Assert.Empty(sut.Decisions);
    }

    [Fact]
    public void Plan_SeesAnIndexPushedSinceThePlan_AndKeepsWhatItLists()
    {
        var deleted = Index("old", 1, "am-1");
        EcrImage[] now = [Child("amd64", 1), Child("arm64", 1), Index("pushed-meanwhile", 3, "other-1")];
        var catalog = Catalog(("old", ["amd64", "arm64"]), ("pushed-meanwhile", ["arm64"]));

        var sut = CleanupPlanner.Plan(now, [deleted], catalog, s_rules);

        Assert.Equal([Digest("amd64")], sut.Deletions.Select(d => d.Image.Digest));
    }
}
