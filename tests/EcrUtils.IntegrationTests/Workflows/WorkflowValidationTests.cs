namespace EcrUtils.IntegrationTests;

public sealed class WorkflowValidationTests(WorkflowValidator validator) : IClassFixture<WorkflowValidator>
{
    [Theory]
    [InlineData("ecr-images.yml")]
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
    public async Task Validator_RejectsABrokenWorkflow(string original, string broken, string problem)
    {
        var text = EcrImagesWorkflow.File.Text;
        Assert.True(text.Split(original).Length == 2, $"ecr-images.yml no longer holds '{original}' once: update this control.");
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
