using EcrUtils.InUse;
using EcrUtils.Lambda;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.InUse;

public sealed class LambdaImageUsesTests
{
    private const string Repo = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api";
    private readonly FakeLambda _lambda = new();

    [Fact]
    public async Task ReadAsync_ReadsLatestAndEveryVersionBehindAnAlias()
    {
        _lambda.AddFunction("resize", $"{Repo}:automation-master-1");
        var one = _lambda.Publish("resize", $"{Repo}:automation-master-2");
        var two = _lambda.Publish("resize", $"{Repo}:automation-master-3");
        _lambda.Publish("resize", $"{Repo}:automation-master-4");
        _lambda.AddAlias("resize", "live", one, two);
        var sut = new LambdaImageUses(_lambda.CreateClient());

        var found = await sut.ReadAsync(CancellationToken.None);

        Assert.Equal(
            [("automation-master-1", "resize:live"), ("automation-master-2", "resize:live"), ("automation-master-4", "resize:$LATEST")],
            found.Uses.Select(u => (u.Reference.Tag!, u.UsedBy)).Order());
        Assert.Equal(1, found.LambdaFunctions);
        Assert.Empty(_lambda.Violations);
    }

    [Fact]
    public async Task ReadAsync_ReadsResolvedImageUri()
    {
        var digest = FakeEcr.Digest("resolved");
        _lambda.AddFunction("resize", $"{Repo}:automation-master-1", $"{Repo}@{digest}");
        var sut = new LambdaImageUses(_lambda.CreateClient());

        var found = await sut.ReadAsync(CancellationToken.None);

        Assert.Contains(found.Uses, u => u.Reference.Digest == digest);
        Assert.Contains(found.Uses, u => u.Reference.Tag == "automation-master-1");
    }

    [Fact]
    public async Task ReadAsync_SkipsZipFunctions_WithoutReadingThem()
    {
        _lambda.AddFunction("zip", null);
        var sut = new LambdaImageUses(_lambda.CreateClient());

        var found = await sut.ReadAsync(CancellationToken.None);

        Assert.Empty(found.Uses);
        Assert.Equal(0, _lambda.CallCount(LambdaOperation.GetFunction));
    }

    [Fact]
    public async Task ReadAsync_ReadsEveryPageOfFunctions()
    {
        for (var i = 0; i < 120; i++)
        {
            _lambda.AddFunction($"fn-{i:000}", $"{Repo}:v{i}");
        }

        var sut = new LambdaImageUses(_lambda.CreateClient());

        var found = await sut.ReadAsync(CancellationToken.None);

        Assert.Equal(120, found.LambdaFunctions);
        Assert.Equal(3, _lambda.CallCount(LambdaOperation.ListFunctions));
        Assert.Empty(_lambda.Violations);
    }

    [Fact]
    public async Task ReadAsync_SkipsAFunctionDeletedAfterItWasListed()
    {
        _lambda.AddFunction("gone", $"{Repo}:v1");
        _lambda.AddFunction("stays", $"{Repo}:v2");
        _lambda.BeforeCall = call =>
        {
            if (call.Operation == LambdaOperation.GetFunction && call.Number == 1)
            {
                _lambda.RemoveFunction("gone");
            }
        };
        var sut = new LambdaImageUses(_lambda.CreateClient());

        var found = await sut.ReadAsync(CancellationToken.None);

        var use = Assert.Single(found.Uses);
        Assert.Equal("stays:$LATEST", use.UsedBy);
    }
}
