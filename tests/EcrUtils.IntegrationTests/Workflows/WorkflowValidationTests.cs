namespace EcrUtils.IntegrationTests;

public sealed class WorkflowValidationTests(WorkflowValidator validator) : IClassFixture<WorkflowValidator>
{
    [Theory]
    [InlineData("ecr-images.yml")]
    [InlineData("ecr-environment-teardown.yml")]
    [InlineData("ci.yml")]
    public async Task Workflow_PassesGitHubsWorkflowValidators(string fileName)
    {
        var workflow = WorkflowFile.Load(fileName);

        var result = await validator.ValidateAsync(workflow.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"ok {workflow.Path}", result.StandardOutput, StringComparison.Ordinal);
    }

    // Negative controls: ecr-images.yml broken in one way that is still valid YAML, so that a validator which
    // passes everything fails this test.
    [Theory]
    [InlineData("        description: GetLatestImages, ListEnvironments, DeleteOldestImages, DeleteAllImages or RestoreImages\n        type: string\n",
        "        description: GetLatestImages, ListEnvironments, DeleteOldestImages, DeleteAllImages or RestoreImages\n        type: choice\n        options: [GetLatestImages]\n",
        "'choice'")]
    [InlineData("    timeout-minutes: 60\n", "    timeout-minute: 60\n", "timeout-minute")]
    [InlineData("      id-token: write\n", "      id-token: writ\n", "'writ'")]
    [InlineData("    needs: plan\n", "    needs: plann\n", "plann")]
    [InlineData("${{ fromJSON(needs.plan.outputs.registries) }}", "${{ fromJSON(needs.plan.outputs.registries }}", "Unexpected")]
    [InlineData("value: ${{ jobs.images.outputs.images }}", "value: ${{ job.images.outputs.images }}", "Unrecognized named-value: 'job'")]
    public Task Validator_RejectsABrokenWorkflow(string original, string broken, string problem) =>
        AssertRejectedAsync(EcrImagesWorkflow.File, original, broken, problem);

    // The same for ecr-environment-teardown.yml, whose jobs call a workflow instead of running steps.
    [Theory]
    [InlineData("    needs: [sweep-settings, list]\n", "    needs: [sweep-settings, lst]\n", "unknown job 'lst'")]
    [InlineData("    needs: branch\n    if: needs.branch.outputs.environment != ''\n",
        "    needs: branch\n    if: needs.branch.outputs.environment != ''\n    timeout-minutes: 60\n", "Unexpected value 'uses'")]
    [InlineData("      max-parallel: 4\n", "      max-parallel: four\n", "four")]
    public Task Validator_RejectsABrokenTeardownWorkflow(string original, string broken, string problem) =>
        AssertRejectedAsync(EnvironmentTeardownWorkflow.File, original, broken, problem);

    private async Task AssertRejectedAsync(WorkflowFile workflow, string original, string broken, string problem)
    {
        var text = workflow.Text;
        Assert.True(text.Split(original).Length == 2, $"{Path.GetFileName(workflow.Path)} no longer holds '{original}' once: update this control.");
        var path = Path.Combine(Path.GetTempPath(), $"ecrutils-broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(path, text.Replace(original, broken, StringComparison.Ordinal));
        try
        {
            var result = await validator.ValidateAsync(path);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(problem, result.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain($"ok {path}", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
