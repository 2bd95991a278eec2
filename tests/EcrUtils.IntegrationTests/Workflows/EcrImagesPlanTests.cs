using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>The plan job's script, run as a runner runs it.</summary>
public sealed class EcrImagesPlanTests : IDisposable
{
    private const string TwoRegistries = """
        [{"region": "eu-west-1", "role": "arn:aws:iam::111111111111:role/ecr-cleanup", "read-role": "arn:aws:iam::111111111111:role/ecr-read"},
         {"region": "us-east-1", "role": "arn:aws:iam::222222222222:role/ecr-cleanup"}]
        """;

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("ecrutils-plan-");
    private readonly StepRunner _runner;

    public EcrImagesPlanTests() => _runner = new StepRunner(_workspace.FullName);

    public void Dispose()
    {
        _runner.Dispose();
        _workspace.Delete(recursive: true);
    }

    [Theory]
    [InlineData("GetLatestImages", "false", "false")]
    [InlineData("DeleteOldestImages", "true", "false")]
    [InlineData("DeleteOldestImages", "false", "true")]
    [InlineData("DeleteAllImages", "true", "false")]
    [InlineData("DeleteAllImages", "false", "true")]
    [InlineData("RestoreImages", "true", "false")]
    [InlineData("RestoreImages", "false", "true")]
    [InlineData("ListEnvironments", "true", "false")]
    [InlineData("ListEnvironments", "false", "false")]
    public async Task Plan_DeletesOnlyForADeletingTask_WithPreviewUnticked(string task, string preview, string deleting)
    {
        var result = await PlanAsync(EcrImagesWorkflow.OneRegistry, ("task", task), ("preview", preview));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(deleting, result.Output("deleting"));
    }

    [Fact]
    public async Task Plan_ListsEveryRegistry_NamedByRegionAndAccount()
    {
        var result = await PlanAsync(TwoRegistries, ("task", "GetLatestImages"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["eu-west-1-111111111111", "us-east-1-222222222222"], Registries(result).Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(["eu-west-1", "us-east-1"], Registries(result).Select(r => r.GetProperty("region").GetString()));
    }

    [Theory]
    [InlineData("false", "arn:aws:iam::111111111111:role/ecr-cleanup")]
    [InlineData("true", "arn:aws:iam::111111111111:role/ecr-read")]
    public async Task Plan_TakesTheReadRole_ExceptForADeletingRun(string preview, string role)
    {
        var result = await PlanAsync(TwoRegistries, ("task", "DeleteOldestImages"), ("preview", preview));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [role, "arn:aws:iam::222222222222:role/ecr-cleanup"],
            Registries(result).Select(r => r.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Plan_KeepsTheRegistriesOfTheChosenRegion()
    {
        var result = await PlanAsync(TwoRegistries, ("task", "GetLatestImages"), ("aws-region", "us-east-1"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("us-east-1-222222222222", Assert.Single(Registries(result)).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("Test")]
    [InlineData("GetLatestImages; rm -rf ~")]
    [InlineData("")]
    public async Task Plan_RefusesAnythingButTheFiveTasks(string task)
    {
        var result = await PlanAsync(EcrImagesWorkflow.OneRegistry, ("task", task));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(
            "::error title=Unknown task::task must be GetLatestImages, ListEnvironments, DeleteOldestImages, DeleteAllImages or RestoreImages",
            result.Process.StandardOutput,
            StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Theory]
    [InlineData("", "Set the repository variable ECR_REGISTRIES")]
    [InlineData("{", "Bad ECR_REGISTRIES")]
    [InlineData("[]", "must be a non-empty JSON list")]
    [InlineData("""[{"region": "eu-west-1"}]""", "\"role\" must be an IAM role ARN")]
    [InlineData("""[{"region": "Ireland", "role": "arn:aws:iam::111111111111:role/r"}]""", "\"region\" must be an AWS region")]
    [InlineData("""[{"region": "eu-west-1", "role": "arn:aws:iam::111111111111:role/r", "read-role": "r"}]""", "\"read-role\" must be an IAM role ARN")]
    [InlineData("""[{"region": "eu-west-1", "role": "arn:aws:iam::111111111111:role/a"}, {"region": "eu-west-1", "role": "arn:aws:iam::111111111111:role/b"}]""", "lists a region and account twice")]
    public async Task Plan_SaysWhatIsWrong_WithTheRegistriesVariable(string registries, string problem)
    {
        var result = await PlanAsync(registries, ("task", "GetLatestImages"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("::error title=", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(problem, result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task Plan_SaysSo_WhenNoRegistryIsInTheChosenRegion()
    {
        var result = await PlanAsync(TwoRegistries, ("task", "GetLatestImages"), ("aws-region", "ap-south-1"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no registry in region ap-south-1", result.Process.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GetLatestImages")]
    [InlineData("DeleteOldestImages")]
    [InlineData("DeleteAllImages")]
    [InlineData("RestoreImages")]
    public async Task Plan_RequiresAnEnvironment_ForEveryTaskButListEnvironments(string task)
    {
        var result = await PlanAsync(EcrImagesWorkflow.OneRegistry, ("task", task), ("environment", string.Empty));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"::error title=No environment::{task} needs the environment whose images to handle", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task Plan_TakesListEnvironments_WithoutAnEnvironment()
    {
        var result = await PlanAsync(EcrImagesWorkflow.OneRegistry, ("task", "ListEnvironments"), ("environment", string.Empty));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("false", result.Output("deleting"));
        Assert.DoesNotContain("::warning", result.Process.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WarnsThatListEnvironmentsIgnoresAnEnvironment()
    {
        var result = await PlanAsync(EcrImagesWorkflow.OneRegistry, ("task", "ListEnvironments"), ("environment", "automation-master"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("::warning title=Environment ignored::ListEnvironments takes no environment; 'automation-master' is not passed", result.Process.StandardOutput, StringComparison.Ordinal);
    }

    // Every run names an environment unless the test gives one (an empty one included).
    private Task<StepResult> PlanAsync(string registries, params (string Name, string Value)[] inputs) =>
        _runner.RunAsync(
            EcrImagesWorkflow.Plan,
            EcrImagesWorkflow.Started(
                EcrImagesWorkflow.Call,
                registries,
                inputs.Any(input => input.Name == "environment") ? inputs : [("environment", "automation-master"), .. inputs]));

    private static List<JsonElement> Registries(StepResult result)
    {
        using var registries = JsonDocument.Parse(result.Output("registries"));
        return [.. registries.RootElement.EnumerateArray().Select(registry => registry.Clone())];
    }

    [Theory]
    [InlineData("DeleteOldestImages", "older-than", "14")]
    [InlineData("DeleteOldestImages", "older-than", "2w")]
    [InlineData("DeleteOldestImages", "keep-pulled-within", "0d")]
    [InlineData("DeleteOldestImages", "keep-pulled-within", "7d; rm -rf ~")]
    [InlineData("ListEnvironments", "stale-after", "30")]
    [InlineData("ListEnvironments", "stale-after", "4w")]
    [InlineData("ListEnvironments", "stale-after", "0h")]
    [InlineData("ListEnvironments", "stale-after", "-30d")]
    [InlineData("ListEnvironments", "stale-after", "30d; rm -rf ~")]
    public async Task Plan_RefusesADurationTheToolWouldRefuse(string task, string input, string value)
    {
        var result = await PlanAsync(EcrImagesWorkflow.OneRegistry, ("task", task), (input, value));

        Assert.NotEqual(0, result.Process.ExitCode);
        Assert.Contains($"::error title=Bad {input}::{input} must be a positive whole number of days or hours such as 14d or 36h", result.Process.StandardOutput, StringComparison.Ordinal);
    }
}
