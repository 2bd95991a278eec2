namespace EcrUtils.IntegrationTests;

public sealed class ChildEnvironmentTests
{
    [Fact]
    public void Isolate_DropsSettingsThatWouldChangeTheToolsBehaviour()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_PROFILE"] = "production",
            ["AWS_ACCESS_KEY_ID"] = "AKIAREAL",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = "/tmp/summary",
            ["CI"] = "true",
            ["MSBuildSDKsPath"] = "/sdk",
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/me",
        };

        ChildEnvironment.Isolate(environment);

        Assert.DoesNotContain(environment.Keys, name => name is "AWS_PROFILE" or "AWS_ACCESS_KEY_ID" or "GITHUB_ACTIONS" or "GITHUB_STEP_SUMMARY" or "CI" or "MSBuildSDKsPath");
        Assert.Equal("/usr/bin", environment["PATH"]);
        Assert.Equal("/home/me", environment["HOME"]);
    }

    [Fact]
    public void Isolate_PointsAwsConfigurationFilesNowhere()
    {
        var environment = new Dictionary<string, string?>();

        ChildEnvironment.Isolate(environment);

        Assert.False(File.Exists(environment["AWS_SHARED_CREDENTIALS_FILE"]));
        Assert.False(File.Exists(environment["AWS_CONFIG_FILE"]));
    }
}
