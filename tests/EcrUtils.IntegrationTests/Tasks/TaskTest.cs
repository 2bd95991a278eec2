namespace EcrUtils.IntegrationTests;

/// <summary>Runs the tasks end to end through <c>./build.sh</c> against moto, with the report in a temporary folder.</summary>
public abstract class TaskTest(MotoServer server) : MotoTest(server), IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ecrutils-task-");

    protected BuildScript Script { get; } = new(server);

    protected string ReportPath => Path.Combine(_folder.FullName, "report.json");

    public void Dispose()
    {
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    protected Task<ProcessResult> RunAsync(params string[] arguments) =>
        Script.RunAsync([.. arguments, $"--report={ReportPath}"]);

    /// <summary>Runs ./build.sh signed as the IAM user <paramref name="credentials"/> (for moto's auth mode).</summary>
    protected Task<ProcessResult> RunAsUserAsync(MotoCredentials credentials, params string[] arguments) =>
        Script.RunAsync(
            [.. arguments, $"--report={ReportPath}"],
            new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey,
                ["AWS_SESSION_TOKEN"] = null,
            });

    /// <summary>The least-privilege policy the repository ships.</summary>
    protected static Task<string> ShippedPolicyAsync() =>
        File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "iam-policy.json"));

    /// <summary>
    /// The example registry, repository <c>api</c>: five images of <c>automation-master</c> and three of
    /// <c>automation-3f2a9c1d</c>, the newest master image also tagged for the branch environment.
    /// </summary>
    protected async Task<Dictionary<string, string>> SeedTwoEnvironmentsAsync(string repository = "api")
    {
        await Registry.CreateRepositoryAsync(repository);
        var digests = new Dictionary<string, string>();
        TestManifest? newestMaster = null;
        for (var i = 1; i <= 5; i++)
        {
            newestMaster = TestManifests.Image(1_000_000);
            digests[$"automation-master-{i}"] = await Registry.PushAsync(repository, newestMaster, [$"automation-master-{i}"], Start.AddMinutes(i));
        }

        for (var i = 1; i <= 2; i++)
        {
            digests[$"automation-3f2a9c1d-{i}"] = await Registry.PushImageAsync(repository, [$"automation-3f2a9c1d-{i}"], Start.AddMinutes(10 + i), sizeInBytes: 1_000_000);
        }

        // The branch was seeded from master's newest image: one digest, tagged for both environments.
        digests["automation-3f2a9c1d-3"] = await Registry.PushAsync(repository, newestMaster!, ["automation-3f2a9c1d-3"]);
        return digests;
    }
}
