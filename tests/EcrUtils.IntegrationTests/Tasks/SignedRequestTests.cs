namespace EcrUtils.IntegrationTests;

/// <summary>With moto's signature and IAM checks on: the shipped least-privilege policy is enough, and nothing less is.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class SignedRequestTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task DeleteOldest_Succeeds_UnderTheShippedPolicy()
    {
        await SeedTwoEnvironmentsAsync();
        var credentials = await Registry.EnableAuthAsync(await ShippedPolicyAsync());

        var result = await RunAsUserAsync(credentials, "--target=DeleteOldestImages", "--environment=automation-master", "--all-repositories");

        Assert.True(result.ExitCode == 0, result.ToString());
        await Registry.DisableAuthAsync();
        Assert.Equal(5, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task WrongSecret_IsRejected_AndNothingIsDeleted()
    {
        await SeedTwoEnvironmentsAsync();
        var credentials = await Registry.EnableAuthAsync(IamPolicies.Allow("ecr:*"));

        var result = await RunAsUserAsync(credentials with { SecretAccessKey = credentials.SecretAccessKey + "x" }, "--target=DeleteOldestImages", "--environment=automation-master", "--repository=api");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SignatureDoesNotMatch", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.SecretAccessKey, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        await Registry.DisableAuthAsync();
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task MissingDeletePermission_FailsTheRepository_AndDeletesNothing()
    {
        await SeedTwoEnvironmentsAsync();
        // Everything but the deletion: the in-use check's reads of ECS and Lambda included.
        var credentials = await Registry.EnableAuthAsync(IamPolicies.Allow("ecr:DescribeRepositories", "ecr:DescribeImages", "ecr:ListTagsForResource", "ecs:*", "lambda:*"));

        var result = await RunAsUserAsync(credentials, "--target=DeleteOldestImages", "--environment=automation-master", "--repository=api");

        Assert.Equal(ExitCodes.PartialFailure, result.ExitCode);
        Assert.Contains("BatchDeleteImage", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        await Registry.DisableAuthAsync();
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }
}
