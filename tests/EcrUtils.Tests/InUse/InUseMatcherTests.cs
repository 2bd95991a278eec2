using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.InUse;

public sealed class InUseMatcherTests
{
    private const string Host = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static readonly DateTimeOffset Pushed = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly EcrRepository Api = new("api", $"arn:aws:ecr:us-east-1:123456789012:repository/api", "123456789012", $"{Host}/api");

    private readonly EcrImage _old = new(FakeEcr.Digest("old"), ["automation-master-1"], Pushed, 10);
    private readonly EcrImage _new = new(FakeEcr.Digest("new"), ["automation-master-2", "latest"], Pushed.AddMinutes(1), 10);

    [Fact]
    public void UsersByDigest_ResolvesTagsThroughTheSnapshot()
    {
        var inUse = Uses(($"{Host}/api:automation-master-1", "prod/api"));

        var sut = InUseMatcher.UsersByDigest(Api, [_old, _new], inUse);

        Assert.Equal(["prod/api"], sut[_old.Digest]);
        Assert.False(sut.ContainsKey(_new.Digest));
    }

    [Fact]
    public void UsersByDigest_MatchesDigests_AndImpliedLatest()
    {
        var inUse = Uses(($"{Host}/api@{_old.Digest}", "fn:live"), ($"{Host}/api", "prod/web"));

        var sut = InUseMatcher.UsersByDigest(Api, [_old, _new], inUse);

        Assert.Equal(["fn:live"], sut[_old.Digest]);
        Assert.Equal(["prod/web"], sut[_new.Digest]);
    }

    [Fact]
    public void UsersByDigest_IgnoresOtherAccountsRegionsAndRepositories()
    {
        var inUse = Uses(
            ("210987654321.dkr.ecr.us-east-1.amazonaws.com/api:automation-master-1", "other account"),
            ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:automation-master-1", "other region"),
            ($"{Host}/web:automation-master-1", "other repository"));

        var sut = InUseMatcher.UsersByDigest(Api, [_old, _new], inUse);

        Assert.Empty(sut);
    }

    [Fact]
    public void UsersByDigest_IgnoresTagsThatNoImageHolds()
    {
        var sut = InUseMatcher.UsersByDigest(Api, [_old, _new], Uses(($"{Host}/api:automation-master-0", "prod/api")));

        Assert.Empty(sut);
    }

    [Fact]
    public void UsersByDigest_ListsEveryUserOnce_InOrder()
    {
        var inUse = Uses(
            ($"{Host}/api:automation-master-1", "prod/worker"),
            ($"{Host}/api@{_old.Digest}", "prod/api"),
            ($"{Host}/api:automation-master-1", "prod/api"));

        var sut = InUseMatcher.UsersByDigest(Api, [_old, _new], inUse);

        Assert.Equal(["prod/api", "prod/worker"], sut[_old.Digest]);
    }

    [Fact]
    public void UsersByDigest_MatchesByAccountOnly_WhenTheRepositoryUriIsNoEcrHost()
    {
        var emulated = Api with { Uri = "localhost:4510/api" };

        var sut = InUseMatcher.UsersByDigest(emulated, [_old], Uses(("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:automation-master-1", "prod/api")));

        Assert.Equal(["prod/api"], sut[_old.Digest]);
    }

    [Fact]
    public void UsersByDigest_MatchesTheInUseFilesReferences_WithAndWithoutTheRegistry()
    {
        var listed = InUseFile.Parse("in-use.txt", ["web:automation-master-1", "api:automation-master-1", $"{Host}/api@{_new.Digest}"]).For("123456789012", "us-east-1");

        var sut = InUseMatcher.UsersByDigest(Api, [_old, _new], new InUseImages(listed.Uses, 0, 0, 0, 0));

        Assert.Equal(["listed in in-use.txt line 2"], sut[_old.Digest]);
        Assert.Equal(["listed in in-use.txt line 3"], sut[_new.Digest]);
    }

    [Fact]
    public void UsersByDigest_NamesTheFirstLineOfTheInUseFile_ThatNamesAnImage_BesideItsWorkloads()
    {
        var listed = InUseFile.Parse("in-use.txt", [$"api@{_old.Digest}", "api:automation-master-1", "api:automation-master-1"]).For("123456789012", "us-east-1");
        var inUse = Uses(($"{Host}/api:automation-master-1", "prod/api"));

        var sut = InUseMatcher.UsersByDigest(Api, [_old, _new], inUse with { Uses = [.. listed.Uses, .. inUse.Uses] });

        Assert.Equal(["listed in in-use.txt line 1", "prod/api"], sut[_old.Digest]);
    }

    internal static InUseImages Uses(params (string Reference, string UsedBy)[] uses) =>
        new([.. uses.Select(u => ImageReference.TryParse(u.Reference, out var r) ? new ImageUse(r, u.UsedBy) : throw new ArgumentException(u.Reference))], 1, 1, 0, 0);
}
