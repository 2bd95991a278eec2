using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Planning;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Operations;

public sealed class InUseProtectionTests
{
    private static readonly DateTimeOffset Pushed = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly EcrImage _old = new(FakeEcr.Digest("old"), ["automation-master-1"], Pushed, 10);
    private readonly EcrImage _new = new(FakeEcr.Digest("new"), ["automation-master-2"], Pushed.AddMinutes(1), 10);

    [Fact]
    public void Apply_KeepsAnImageInUse_ThatThePlanRemoves()
    {
        var plan = new RepositoryPlan([
            ImageDecision.Keep(_new, "the newest"),
            new ImageDecision(_old, ImageAction.Remove, ["automation-master-1"], "older than the newest")]);
        var marks = InUseMarks.Create(new Dictionary<string, IReadOnlyList<string>> { [_old.Digest] = ["prod/api", "fn:live"] }, IndexCatalog.Empty);

        var sut = InUseProtection.Apply(plan, marks);

        var kept = sut.Decisions.Single(d => d.Image == _old);
        Assert.Equal(ImageAction.Keep, kept.Action);
        Assert.Empty(kept.TagsToRemove);
        Assert.Equal("in use by prod/api, fn:live", kept.Reason);
        Assert.Equal(["prod/api", "fn:live"], kept.InUseBy);
        Assert.Empty(sut.Removals);
    }

    [Fact]
    public void Apply_RecordsUsers_OfAnImageThePlanKeepsAnyway()
    {
        var plan = new RepositoryPlan([ImageDecision.Keep(_new, "the newest")]);
        var marks = InUseMarks.Create(new Dictionary<string, IReadOnlyList<string>> { [_new.Digest] = ["prod/api"] }, IndexCatalog.Empty);

        var sut = InUseProtection.Apply(plan, marks);

        var kept = Assert.Single(sut.Decisions);
        Assert.Equal("the newest", kept.Reason);
        Assert.Equal(["prod/api"], kept.InUseBy);
    }

    [Fact]
    public void Apply_KeepsAnImageThatOnlyLosesATag_WhenInUse()
    {
        var shared = _old with { Tags = ["automation-master-1", "automation-3f2a9c1d-1"] };
        var plan = new RepositoryPlan([new ImageDecision(shared, ImageAction.Remove, ["automation-master-1"], "older than the newest")]);
        var marks = InUseMarks.Create(new Dictionary<string, IReadOnlyList<string>> { [shared.Digest] = ["prod/api"] }, IndexCatalog.Empty);

        var sut = InUseProtection.Apply(plan, marks);

        Assert.Empty(sut.Removals);
    }

    [Fact]
    public void Create_MarksTheChildrenOfAnIndexInUse()
    {
        var index = FakeEcr.Digest("index");
        var (amd64, arm64) = (FakeEcr.Digest("amd64"), FakeEcr.Digest("arm64"));
        var catalog = new IndexCatalog(new Dictionary<string, IReadOnlyList<string>> { [index] = [amd64, arm64] });

        var sut = InUseMarks.Create(new Dictionary<string, IReadOnlyList<string>> { [index] = ["prod/api"] }, catalog);

        Assert.Equal(["prod/api"], sut[amd64].UsedBy);
        Assert.StartsWith("child of index sha256:", sut[arm64].Reason, StringComparison.Ordinal);
        Assert.EndsWith("in use by prod/api", sut[arm64].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MarksTheIndexThatListsAChildInUse()
    {
        var (index, other) = (FakeEcr.Digest("index"), FakeEcr.Digest("other-index"));
        var (amd64, arm64) = (FakeEcr.Digest("amd64"), FakeEcr.Digest("arm64"));
        var catalog = new IndexCatalog(new Dictionary<string, IReadOnlyList<string>> { [index] = [amd64, arm64], [other] = [FakeEcr.Digest("x")] });

        var sut = InUseMarks.Create(new Dictionary<string, IReadOnlyList<string>> { [arm64] = ["prod/job"] }, catalog);

        Assert.Equal(["prod/job"], sut[index].UsedBy);
        Assert.StartsWith("lists sha256:", sut[index].Reason, StringComparison.Ordinal);
        Assert.False(sut.ContainsKey(other));
        Assert.False(sut.ContainsKey(amd64));
    }

    [Theory]
    [InlineData(new[] { "listed in in-use.txt line 3" }, "listed in in-use.txt line 3")]
    [InlineData(new[] { "listed in in-use.txt line 3", "prod/api" }, "in use by prod/api; listed in in-use.txt line 3")]
    [InlineData(new[] { "a/1", "a/2", "a/3", "a/4", "listed in eks.txt line 12" }, "in use by a/1, a/2, a/3 and 1 more; listed in eks.txt line 12")]
    public void Reason_NamesTheLineOfTheInUseFile_AfterTheWorkloads(string[] users, string expected)
    {
        var sut = InUseMarks.Reason(users);

        Assert.Equal(expected, sut);
    }

    [Fact]
    public void Create_GivesTheChildrenOfAListedIndex_TheLineAsTheirReason()
    {
        var index = FakeEcr.Digest("index");
        var child = FakeEcr.Digest("amd64");
        var catalog = new IndexCatalog(new Dictionary<string, IReadOnlyList<string>> { [index] = [child] });

        var sut = InUseMarks.Create(new Dictionary<string, IReadOnlyList<string>> { [index] = ["listed in in-use.txt line 2"] }, catalog);

        Assert.Equal("listed in in-use.txt line 2", sut[index].Reason);
        Assert.Equal($"child of index {index[..19]}, listed in in-use.txt line 2", sut[child].Reason);
    }

    [Fact]
    public void Reason_NamesThreeUsers_AndCountsTheRest()
    {
        var sut = InUseMarks.Reason(["a/1", "a/2", "a/3", "f:4", "f:5"]);

        Assert.Equal("in use by a/1, a/2, a/3 and 2 more", sut);
    }
}
