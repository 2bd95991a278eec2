namespace Build.Tasks;

internal static class TestProjects
{
    public const string Configuration = "Debug";

    public static readonly string[] All =
    [
        "tests/EcrUtils.Tests/EcrUtils.Tests.csproj",
        "tests/EcrUtils.Sandbox.Tests/EcrUtils.Sandbox.Tests.csproj",
        "tests/Build.Tests/Build.Tests.csproj",
        "tests/EcrUtils.IntegrationTests/EcrUtils.IntegrationTests.csproj",
    ];
}
