using Amazon.Runtime;
using EcrUtils.Aws;
using EcrUtils.Connections;
using EcrUtils.Ecr;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>
/// One registry, set up the same way every time, and a client for it that goes through the production pipeline on a
/// driven fake clock, with or without <see cref="FaultInjectingHandler"/> in between.
/// </summary>
internal sealed class FaultScenario
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly EcrRetrySettings s_settings = new();
    private static readonly string[] s_repositories = ["team/api", "team/web", "team/worker", "team/empty"];

    public FaultScenario(int? faultSeed)
    {
        Seed(Ecr);
        Plan = faultSeed is { } seed ? new FaultPlan(seed) : null;
        HttpMessageHandler transport = new FakeEcrHandler(Ecr);
        if (Plan is not null)
        {
            transport = new FaultInjectingHandler(transport, Plan, () => Time.Time.Advance(s_settings.AttemptTimeout));
        }

        var credentials = new DeferredCredentials(
            _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(FakeEcr.AccessKeyId, "fake-secret-key")),
            TimeSpan.FromSeconds(30),
            TimeProvider.System);
        Client = EcrClientFactory.Create(FakeEcr.Region, FakeEcr.Endpoint, credentials, transport, EcrResilience.Create(s_settings, Time));
    }

    public FakeEcr Ecr { get; } = new();

    public FaultPlan? Plan { get; }

    public FakeTimeDriver Time { get; } = new(s_settings.AttemptTimeout);

    public IEcrClient Client { get; }

    /// <summary>Every image of every repository, as "repository digest tag,tag", sorted.</summary>
    public IReadOnlyList<string> Registry() =>
    [
        .. s_repositories
            .SelectMany(repository => Ecr.Images(repository).Select(i => $"{repository} {i.Digest} {string.Join(',', i.Tags.Order(StringComparer.Ordinal))}"))
            .Order(StringComparer.Ordinal),
    ];

    // Large enough for several deletion batches in one repository and several repositories in parallel.
    private static void Seed(FakeEcr ecr)
    {
        ecr.AddRepository("team/api");
        for (var i = 1; i <= 150; i++)
        {
            ecr.AddImage("team/api", FakeEcr.Digest($"api-{i}"), [$"automation-master-{i}"], s_start.AddMinutes(i));
        }

        ecr.AddRepository("team/web");
        for (var i = 1; i <= 12; i++)
        {
            string[] tags = i == 12 ? [$"automation-master-{i}", "automation-master-latest"] : [$"automation-master-{i}"];
            ecr.AddImage("team/web", FakeEcr.Digest($"web-master-{i}"), tags, s_start.AddMinutes(i));
        }

        for (var i = 1; i <= 5; i++)
        {
            ecr.AddImage("team/web", FakeEcr.Digest($"web-branch-{i}"), [$"automation-3f2a9c1d-{i}"], s_start.AddMinutes(20 + i));
        }

        ecr.AddImage("team/web", FakeEcr.Digest("web-shared"), ["automation-master-13", "automation-3f2a9c1d-6"], s_start.AddMinutes(30));

        ecr.AddRepository("team/worker");
        for (var i = 1; i <= 30; i++)
        {
            string[] tags = i % 5 == 0 ? [$"automation-3f2a9c1d-{i}", $"production-{i}"] : [$"automation-3f2a9c1d-{i}"];
            ecr.AddImage("team/worker", FakeEcr.Digest($"worker-{i}"), tags, s_start.AddMinutes(i));
        }

        ecr.AddRepository("team/empty");
    }
}
