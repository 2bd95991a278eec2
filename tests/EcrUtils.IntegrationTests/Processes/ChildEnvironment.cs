namespace EcrUtils.IntegrationTests;

/// <summary>
/// Keeps a child process of a test independent of the machine running the tests: no inherited AWS
/// settings or profiles, no CI detection, no build settings leaked by the test host.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly string[] s_removedPrefixes =
        ["AWS_", "GITHUB_", "RUNNER_", "ACTIONS_", "CAKE_", "ECRUTILS_"];

    // CI systems announce themselves with these; "dotnet test" exports the MSBuild ones to its children,
    // where they would pin a nested build to the test host's SDK paths.
    private static readonly string[] s_removedNames =
    [
        "CI", "TF_BUILD", "BUILD_BUILDID", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "TRAVIS", "APPVEYOR",
        "CIRCLECI", "BITBUCKET_BUILD_NUMBER", "BUILDKITE", "MSBuildExtensionsPath", "MSBuildSDKsPath",
        "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "NO_COLOR",
    ];

    // A path that does not exist: the developer's ~/.aws files must never supply credentials to a test.
    private static readonly string s_noAwsFile = Path.Combine(Path.GetTempPath(), "ecrutils-tests-no-aws-config");

    public static void Isolate(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(IsRemoved).ToList())
        {
            environment.Remove(name);
        }

        environment["AWS_CONFIG_FILE"] = s_noAwsFile;
        environment["AWS_SHARED_CREDENTIALS_FILE"] = s_noAwsFile;
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Reused MSBuild nodes would outlive the child and hold its output pipes open.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
    }

    /// <summary>Sets each variable; a null value removes it.</summary>
    public static void Apply(IDictionary<string, string?> environment, IEnumerable<KeyValuePair<string, string?>> variables)
    {
        foreach (var (name, value) in variables)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }
    }

    private static bool IsRemoved(string name) =>
        s_removedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        || s_removedNames.Contains(name, StringComparer.OrdinalIgnoreCase);
}
