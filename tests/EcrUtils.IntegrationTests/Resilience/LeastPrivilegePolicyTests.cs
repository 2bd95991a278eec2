namespace EcrUtils.IntegrationTests;

/// <summary>
/// With moto's signature and permission checks on, the shipped iam-policy.json lets each of the three tasks do its
/// whole job, and an action outside it is denied.
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class LeastPrivilegePolicyTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task AllThreeTasks_Succeed_UnderTheShippedPolicy()
    {
        await SeedTwoEnvironmentsAsync();
        var credentials = await Registry.EnableAuthAsync(await ShippedPolicyAsync());

        var latest = await RunAsUserAsync(credentials, "--target=GetLatestImages", "--environment=automation-master", "--all-repositories");
        var oldest = await RunAsUserAsync(credentials, "--target=DeleteOldestImages", "--environment=automation-master", "--all-repositories");
        var all = await RunAsUserAsync(credentials, "--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--repository=api", "--confirm=automation-3f2a9c1d");

        Assert.True(latest.ExitCode == 0, latest.ToString());
        Assert.True(oldest.ExitCode == 0, oldest.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
        await Registry.DisableAuthAsync();
        Assert.Equal(["automation-master-4", "automation-master-5"], (await Registry.GetStateAsync()).Repository("api").AllTags);
    }

    [Fact]
    public async Task ArchiveAndRestore_Succeed_UnderTheShippedPolicy_AndFailWithoutItsArchiveStatement()
    {
        await SeedTwoEnvironmentsAsync();
        var shipped = await ShippedPolicyAsync();
        var withoutArchive = WithoutStatement(shipped, "EcrUtilsArchiveAndRestore");
        var denied = await Registry.EnableAuthAsync(withoutArchive);
        var refused = await RunAsUserAsync(denied, "--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--archive");
        await Registry.DisableAuthAsync();
        var credentials = await Registry.EnableAuthAsync(shipped);

        var archived = await RunAsUserAsync(credentials, "--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--archive");
        var restored = await RunAsUserAsync(credentials, "--target=RestoreImages", "--environment=automation-master", "--repository=api", "--image-tag=automation-master-1");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("ecr:UpdateImageStorageClass", refused.StandardError + refused.StandardOutput, StringComparison.Ordinal);
        Assert.True(archived.ExitCode == 0, archived.ToString());
        Assert.True(restored.ExitCode == 0, restored.ToString());
        await Registry.DisableAuthAsync();
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(8, api.AllTags.Count);
        Assert.Equal(["ACTIVE", "ARCHIVED", "ARCHIVED"], api.Images.Where(i => i.Tags.Any(t => t.StartsWith("automation-master-", StringComparison.Ordinal) && t != "automation-master-4" && t != "automation-master-5")).Select(i => i.Status).Order());
    }

    [Fact]
    public async Task ListEnvironments_NeedsTheReadStatementsOnly()
    {
        await SeedTwoEnvironmentsAsync();
        var readOnly = WithoutStatement(WithoutStatement(await ShippedPolicyAsync(), "EcrUtilsDelete"), "EcrUtilsArchiveAndRestore");
        var credentials = await Registry.EnableAuthAsync(readOnly);

        var listed = await RunAsUserAsync(credentials, "--target=ListEnvironments", "--all-repositories", "--in-use-check=off");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("2 environments in 1 repository", listed.StandardOutput, StringComparison.Ordinal);
        await Registry.DisableAuthAsync();
    }

    [Theory]
    [InlineData("PutImage")]
    [InlineData("DeleteRepository")]
    [InlineData("SetRepositoryPolicy")]
    public async Task ActionOutsideTheShippedPolicy_IsDenied(string operation)
    {
        await SeedTwoEnvironmentsAsync();
        var credentials = await Registry.EnableAuthAsync(await ShippedPolicyAsync());

        var result = await BotoEcr.CallAsync(Server, credentials.AccessKeyId, credentials.SecretAccessKey, operation, Parameters(operation));

        Assert.Equal(("AccessDenied", 403), (result.Code, result.Status));
        await Registry.DisableAuthAsync();
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    // The shipped policy without one of its statements, e.g. for a role that never archives.
    private static string WithoutStatement(string policy, string sid)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(policy)!.AsObject();
        var statements = document["Statement"]!.AsArray();
        statements.Remove(statements.Single(s => s!["Sid"]!.GetValue<string>() == sid));
        return document.ToJsonString();
    }

    private static object Parameters(string operation) => operation switch
    {
        "PutImage" => new { repositoryName = "api", imageManifest = TestManifests.Image().Json, imageTag = "intruder-1" },
        "SetRepositoryPolicy" => new { repositoryName = "api", policyText = IamPolicies.Allow("ecr:*") },
        _ => new { repositoryName = "api", force = true },
    };
}
