using EcrUtils.Options;
using EcrUtils.Results;
using EcrUtils.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace EcrUtils.Tests.Operations;

/// <summary>A fake registry, options from Cake-style arguments, and a report in a temporary folder.</summary>
internal sealed class OperationFixture : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("ecrutils-tests-").FullName;

    public FakeEcr Ecr { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public string ReportPath => Path.Combine(_folder, "report.json");

    public static DateTimeOffset At(int minute) => Start.AddMinutes(minute);

    public static EcrOptions Options(params string[] arguments) =>
        EcrOptionsParser.Parse(arguments
            .Select(a => a.TrimStart('-').Split('=', 2))
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Length > 1 ? p[1] : "true")], StringComparer.OrdinalIgnoreCase));

    /// <summary>Pushes an image whose digest derives from its first tag.</summary>
    public string Push(string repository, int minute, params string[] tags) => PushSeeded(repository, tags.FirstOrDefault() ?? $"untagged-{minute}", minute, tags);

    public string PushSeeded(string repository, string seed, int minute, params string[] tags)
    {
        var digest = FakeEcr.Digest(repository + "/" + seed);
        Ecr.AddImage(repository, digest, tags, At(minute), sizeInBytes: 1_000_000);
        return digest;
    }

    public IReadOnlyList<string> Tags(string repository) =>
        [.. Ecr.Images(repository).SelectMany(i => i.Tags).Order(StringComparer.Ordinal)];

    /// <summary>The report last started: the run's result, with its report on disk.</summary>
    public RecordedRun? LastReport { get; private set; }

    /// <summary>What the last run did in each repository, by name.</summary>
    public IReadOnlyList<RepositoryResult> Results => LastReport?.Run.Repositories ?? throw new InvalidOperationException("No report was started.");

    public RecordedRun Report(EcrTask task, EcrOptions options) => LastReport = RecordedRun.Start(ReportPath, task, options, Time);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
