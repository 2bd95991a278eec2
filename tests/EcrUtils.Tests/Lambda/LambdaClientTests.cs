using System.Net;
using EcrUtils.Aws;
using EcrUtils.Lambda;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Lambda;

public sealed class LambdaClientTests
{
    private readonly FakeLambda _lambda = new();

    [Fact]
    public async Task GetFunctionImage_IsNull_WhenTheFunctionIsGone()
    {
        var sut = _lambda.CreateClient();

        var image = await sut.GetFunctionImageAsync("gone", null, CancellationToken.None);

        Assert.Null(image);
    }

    [Fact]
    public async Task GetFunctionImage_ReadsAPublishedVersion()
    {
        _lambda.AddFunction("resize", "img:1");
        var version = _lambda.Publish("resize", "img:2");
        var sut = _lambda.CreateClient();

        var image = await sut.GetFunctionImageAsync("resize", version, CancellationToken.None);

        Assert.Equal("img:1", image!.ImageUri);
        Assert.Empty(_lambda.Violations);
    }

    [Fact]
    public async Task ListAliases_ReadsEveryPage_AndWeightedVersions()
    {
        _lambda.AddFunction("resize", "img:1");
        for (var i = 0; i < 60; i++)
        {
            _lambda.AddAlias("resize", $"a{i:00}", "1", i == 0 ? ["2"] : []);
        }

        var sut = _lambda.CreateClient();

        var aliases = await sut.ListAliasesAsync("resize", CancellationToken.None).ToListAsync();

        Assert.Equal(60, aliases.Count);
        Assert.Equal(["1", "2"], aliases[0].Versions);
        Assert.Equal(2, _lambda.CallCount(LambdaOperation.ListAliases));
    }

    [Fact]
    public async Task XmlErrorAnswer_KeepsItsCode()
    {
        // moto, and gateways in front of AWS, answer signature failures with an XML document.
        _lambda.Faults.Enqueue(LambdaOperation.ListFunctions, FakeEcrFault.Raw(
            HttpStatusCode.Forbidden,
            "text/html",
            "<?xml version=\"1.0\"?><ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>no</Message></Error></Errors></ErrorResponse>"));
        var sut = _lambda.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () => await sut.ListFunctionsAsync(CancellationToken.None).ToListAsync());

        Assert.Equal(("SignatureDoesNotMatch", LambdaOperation.ListFunctions), (error.ErrorCode, error.Operation));
    }
}
