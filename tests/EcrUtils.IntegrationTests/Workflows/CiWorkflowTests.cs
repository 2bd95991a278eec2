namespace EcrUtils.IntegrationTests;

public sealed class CiWorkflowTests
{
    private static readonly WorkflowFile s_workflow = WorkflowFile.Load("ci.yml");

    [Fact]
    public void Ci_RunsOnPushAndPullRequest()
    {
        Assert.NotNull(s_workflow.Triggers.Get("push"));
        Assert.NotNull(s_workflow.Triggers.Get("pull_request"));
    }

    [Fact]
    public void Ci_RunsTheReadmesTestCommand_AfterSettingUpDotNetAndMoto()
    {
        var steps = s_workflow.Job("test").Steps;
        var test = Assert.Single(steps, step => step.Run?.Trim() == "./build.sh --target=Test");
        var moto = Assert.Single(steps, step => step.Run?.Contains("'moto[server]==5.2.1'", StringComparison.Ordinal) == true);
        var dotnet = Assert.Single(steps, step => step.Uses?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);

        Assert.Equal("global.json", dotnet.With["global-json-file"]);
        Assert.True(dotnet.Index < test.Index && moto.Index < test.Index, "Set up .NET and moto before the tests.");
        Assert.Contains("./build.sh --target=Test", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_UploadsTheTestResults_AlsoWhenTestsFail()
    {
        var upload = Assert.Single(s_workflow.Job("test").Steps, step => step.Uses?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        Assert.Equal("always()", upload.If);
        Assert.Equal("artifacts/test-results/", upload.With["path"]);
    }
}
