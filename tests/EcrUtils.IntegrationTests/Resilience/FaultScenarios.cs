namespace EcrUtils.IntegrationTests;

/// <summary>Registries for the end-to-end resilience tests, built from fixed manifests so that one can be seeded twice alike.</summary>
public static class FaultScenarios
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Four repositories: <c>api</c> with 230 images of automation-master (three deletion batches), <c>web</c> with both
    /// environments, a shared image and a floating tag, <c>worker</c> with the branch environment, some of its images
    /// also in production, and an empty one.
    /// </summary>
    public static MotoSeed MixedRegistry()
    {
        List<SeedImage> images = [];
        for (var i = 1; i <= 230; i++)
        {
            images.Add(Image("api", i, $"automation-master-{i}"));
        }

        for (var i = 1; i <= 12; i++)
        {
            images.Add(i == 12 ? Image("web", i, $"automation-master-{i}", "automation-master-latest") : Image("web", i, $"automation-master-{i}"));
        }

        for (var i = 1; i <= 6; i++)
        {
            images.Add(Image("web", 20 + i, $"automation-3f2a9c1d-{i}"));
        }

        images.Add(Image("web", 30, "automation-master-13", "automation-3f2a9c1d-7"));
        for (var i = 1; i <= 30; i++)
        {
            images.Add(i % 5 == 0 ? Image("worker", i, $"automation-3f2a9c1d-{i}", $"production-{i}") : Image("worker", i, $"automation-3f2a9c1d-{i}"));
        }

        return new MotoSeed
        {
            Repositories = [new("api"), new("web"), new("worker"), new("empty")],
            Images = images,
        };
    }

    /// <summary>One repository, <c>api</c>, with <paramref name="count"/> images of automation-master, one a minute.</summary>
    public static MotoSeed OneEnvironment(int count) => new()
    {
        Repositories = [new("api")],
        Images = [.. Enumerable.Range(1, count).Select(i => Image("api", i, $"automation-master-{i}"))],
    };

    private static SeedImage Image(string repository, int minute, params string[] tags) =>
        new(repository, TestManifests.Image(1_000), tags, s_start.AddMinutes(minute));
}
