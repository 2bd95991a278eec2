namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class MotoAuthTests(MotoServer server) : MotoTest(server)
{
    private static readonly string s_describeRepositoriesOnly = IamPolicies.Allow("ecr:DescribeRepositories");

    [Fact]
    public async Task EnableAuth_AcceptsRequest_SignedWithTheIssuedKey()
    {
        await Registry.CreateRepositoryAsync("api");
        var sut = await Registry.EnableAuthAsync(s_describeRepositoriesOnly);

        var result = await BotoEcr.CallAsync(Server, sut.AccessKeyId, sut.SecretAccessKey, "DescribeRepositories");

        Assert.True(result.Ok, $"DescribeRepositories failed: {result.Code}");
        var repository = Assert.Single(result.Response!.Value.GetProperty("repositories").EnumerateArray());
        Assert.Equal("api", repository.GetProperty("repositoryName").GetString());
    }

    [Fact]
    public async Task EnableAuth_RejectsRequest_SignedWithAWrongSecret()
    {
        var sut = await Registry.EnableAuthAsync(s_describeRepositoriesOnly);

        var result = await BotoEcr.CallAsync(Server, sut.AccessKeyId, sut.SecretAccessKey + "x", "DescribeRepositories");

        Assert.False(result.Ok);
        Assert.Equal(("SignatureDoesNotMatch", 403), (result.Code, result.Status));
    }

    [Fact]
    public async Task EnableAuth_RejectsRequest_SignedWithAnUnknownKey()
    {
        await Registry.EnableAuthAsync(s_describeRepositoriesOnly);

        var result = await BotoEcr.CallAsync(Server, Server.AccessKeyId, Server.SecretAccessKey, "DescribeRepositories");

        Assert.Equal(("InvalidClientTokenId", 403), (result.Code, result.Status));
    }

    [Fact]
    public async Task EnableAuth_DeniesAction_ThatThePolicyDoesNotAllow()
    {
        await Registry.CreateRepositoryAsync("api");
        var sut = await Registry.EnableAuthAsync(s_describeRepositoriesOnly);

        var result = await BotoEcr.CallAsync(
            Server, sut.AccessKeyId, sut.SecretAccessKey, "BatchDeleteImage",
            new { repositoryName = "api", imageIds = new[] { new { imageTag = "dev-1" } } });

        Assert.Equal(("AccessDenied", 403), (result.Code, result.Status));
    }

    [Fact]
    public async Task Reset_TurnsAuthOff()
    {
        await Registry.EnableAuthAsync(s_describeRepositoriesOnly);

        await Server.ResetAsync();
        var result = await BotoEcr.CallAsync(Server, Server.AccessKeyId, Server.SecretAccessKey, "DescribeRepositories");

        Assert.True(result.Ok, $"DescribeRepositories failed after reset: {result.Code}");
    }
}
