using System.Text.Json;
using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;

namespace EcrUtils.Reporting;

/// <summary>
/// Keeps the run's report and rewrites the report file after every event (write to a temporary file, then rename),
/// so that a run that is killed at any point leaves a complete, truthful JSON document on disk (the first write, of the
/// report as created, goes alongside the run's first calls; no event is recorded before it is done). Once the report is
/// large, an event is appended to a journal beside it instead, and the report is rewritten now and then and at the end
/// (see <see cref="ReportJournal"/>): on disk, report plus journal is always the run so far.
/// </summary>
public sealed class ReportWriter : IDeletionRecorder
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly ReportJournal _journal;
    private readonly Task _firstWrite;
    private long _entries;
    private readonly Dictionary<string, RepositoryReport> _repositories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ImageReport>> _imagesByTag = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the report file and writes the report into it while the run's first calls go out (see
    /// <see cref="WaitUntilWritten"/>): a path that cannot be written fails here, before the run starts.
    /// </summary>
    public ReportWriter(string path, EcrTask task, EcrOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Path = System.IO.Path.GetFullPath(path);
        _timeProvider = timeProvider;
        _journal = new ReportJournal(Path);
        Document = new ReportDocument
        {
            Task = task.ToString(),
            Environment = options.Environment ?? string.Empty,
            Preview = options.Preview && task != EcrTask.GetLatestImages,
            StartedAt = timeProvider.GetUtcNow(),
            Settings = new ReportSettings(
                options.TagPattern ?? Images.TagRules.DefaultTagPattern,
                options.FloatingTagPattern ?? Images.TagRules.DefaultFloatingTagPattern,
                options.ProtectTags,
                task == EcrTask.DeleteOldestImages ? options.Keep : null,
                options.FallbackEnvironment,
                options.RegistryId,
                options.Region),
        };
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // The first serialization in a process sets up the serializer (about 30 ms on two cores), which no call has to
        // wait for. Every event waits for this write before it changes the report, so the report never skips a step.
        var first = File.Create(TemporaryPath);
        _firstWrite = Task.Run(() => Write(first));
    }

    /// <summary>The full path of the report file.</summary>
    public string Path { get; }

    /// <summary>The report as it stands.</summary>
    public ReportDocument Document { get; }

    private string TemporaryPath => Path + ".tmp";

    /// <summary>
    /// Waits until the report as created is on disk (every event waits for it too), and throws what stopped that
    /// write, if anything did.
    /// </summary>
    public void WaitUntilWritten() => _firstWrite.GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Planned(EcrRepository repository, RepositoryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(plan);
        Update(repository, report =>
        {
            report.Status = Document.Preview ? "planned" : "deleting";
            report.ImagesKept = plan.Kept.Count;
            report.ImagesToRemove = plan.Removals.Count;
            report.ImagesDeleted = Document.Preview ? plan.ImagesDeleted : 0;
            report.BytesReclaimed = Document.Preview ? plan.BytesReclaimed : 0;
            report.Images.Clear();
            _imagesByTag.Remove(report.Name);
            report.Images.AddRange(plan.Decisions.Select(d => new ImageReport
            {
                Digest = d.Image.Digest,
                Tags = d.Image.Tags,
                PushedAt = d.Image.PushedAt,
                SizeInBytes = d.Image.SizeInBytes,
                Action = d.Action == ImageAction.Keep ? "keep" : "remove",
                Reason = d.Reason,
                TagsToRemove = d.TagsToRemove,
                DeletesImage = d.DeletesImage,
                InUseBy = d.InUseBy,
                Outcome = d.Action == ImageAction.Keep ? "kept" : "planned",
            }));
        });
    }

    /// <inheritdoc />
    public void BatchCompleted(EcrRepository repository, BatchDeleteResult batch)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(batch);
        var gone = batch.Deleted.Select(d => d.Tag)
            .Concat(batch.Failures.Where(f => f.Code == ImageFailure.ImageNotFound).Select(f => f.ImageId.Tag))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var failed = batch.Failures.Where(f => f.Code is not (ImageFailure.ImageNotFound or ImageFailure.ImageReferencedByManifestList)).Select(f => f.ImageId.Tag).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // ECR keeps an image that an index still lists rather than delete it: that image is kept, not failed.
        var stillListed = batch.Failures.Where(f => f.Code == ImageFailure.ImageReferencedByManifestList).Select(f => f.ImageId.Tag).OfType<string>().ToHashSet(StringComparer.Ordinal);
        List<ImageReport> touched = [];
        Update(
            repository,
            report =>
        {
            // Only the images whose tags were in this batch, and the counters moved by what changed: visiting every image
            // of the repository per batch made a run over 20,000 images quadratic.
            var byTag = ImagesByTag(report);
            foreach (var image in gone.Concat(failed).Concat(stillListed).Select(byTag.GetValueOrDefault).OfType<ImageReport>().Distinct())
            {
                touched.Add(image);
                var removedBefore = image.RemovedTags.Count;
                var countedBefore = CountsAsDeleted(image);
                image.RemovedTags.AddRange(image.TagsToRemove.Where(t => gone.Contains(t) && !image.RemovedTags.Contains(t)));
                var complete = image.TagsToRemove.All(image.RemovedTags.Contains);
                image.Outcome = image.TagsToRemove.Any(failed.Contains) ? "failed"
                    : image.TagsToRemove.Any(stillListed.Contains) ? "kept"
                    : complete ? "removed"
                    : image.RemovedTags.Count > 0 ? "partly-removed"
                    : image.Outcome;
                report.TagsRemoved += image.RemovedTags.Count - removedBefore;
                if (CountsAsDeleted(image) != countedBefore)
                {
                    var sign = countedBefore ? -1 : 1;
                    report.ImagesDeleted += sign;
                    report.BytesReclaimed += sign * image.SizeInBytes;
                }
            }
        },
            _ => touched);
    }

    /// <inheritdoc />
    public void InUseChecked(InUseCheckOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_lock)
        {
            WaitUntilWritten();
            Document.InUseCheck = InUseCheckReports.From(outcome);
            Flush();
        }
    }

    /// <inheritdoc />
    public void RelatedPlanned(EcrRepository repository, CleanupPlan plan)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(plan);
        Update(repository, report =>
        {
            foreach (var image in report.Images)
            {
                image.Related.Clear();
            }

            var byDigest = report.Images.ToLookup(i => i.Digest, StringComparer.Ordinal);
            foreach (var decision in plan.Decisions)
            {
                byDigest[decision.Root].FirstOrDefault()?.Related.Add(new RelatedImageReport
                {
                    Digest = decision.Image.Digest,
                    Kind = decision.Kind == RelatedImageKind.Child ? "child" : "companion",
                    Parent = decision.Parent,
                    Tags = decision.Image.Tags,
                    SizeInBytes = decision.Image.SizeInBytes,
                    Action = decision.Deletes ? "delete" : "keep",
                    Reason = decision.Reason,
                    Outcome = decision.Deletes ? "planned" : "kept",
                });
            }

            Recount(report);
        });
    }

    /// <inheritdoc />
    public void RelatedCompleted(EcrRepository repository, IReadOnlyList<RelatedImageOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(outcomes);
        Update(repository, report =>
        {
            var related = report.Images.SelectMany(i => i.Related).ToLookup(r => r.Digest, StringComparer.Ordinal);
            foreach (var outcome in outcomes)
            {
                foreach (var entry in related[outcome.Digest])
                {
                    entry.Outcome = outcome.Status switch
                    {
                        RelatedImageStatus.Deleted => "deleted",
                        RelatedImageStatus.Kept => "kept",
                        _ => "failed",
                    };
                    entry.Reason = outcome.Reason ?? entry.Reason;
                }
            }

            Recount(report);
        },
            report => report.Images.Where(i => i.Related.Count > 0));
    }

    /// <inheritdoc />
    public void Problem(EcrRepository repository, DeletionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(problem);
        Update(repository, report => report.Problems.Add(new ProblemReport(problem.Tag, problem.Digest, problem.Code, problem.Message)), _ => []);
    }

    /// <inheritdoc />
    public void RepositoryFailed(EcrRepository repository, string reason)
    {
        ArgumentNullException.ThrowIfNull(repository);
        Update(repository, report =>
        {
            report.Status = "failed";
            report.Error = reason;
        },
            _ => []);
    }

    /// <inheritdoc />
    public void RepositoryCompleted(EcrRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        Update(repository, report => report.Status = report.Problems.Count > 0 ? "failed" : Document.Preview ? "planned" : "done", _ => []);
    }

    /// <summary>Records GetLatestImages' results.</summary>
    public void LatestImages(IReadOnlyList<LatestImageResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        lock (_lock)
        {
            WaitUntilWritten();
            Document.LatestImages.Clear();
            Document.LatestImages.AddRange(results.Select(r => new LatestImageReport(
                r.Repository.Name,
                r.Found,
                r.Environment,
                r.IsFallback,
                r.Latest?.Tag,
                r.Latest?.Image.Digest,
                r.Latest?.Image.PushedAt,
                r.ImageUri,
                r.PinnedUri)));
            Flush();
        }
    }

    /// <summary>Ends the report with the run's status (and error, when the run failed as a whole).</summary>
    public void Complete(string status, string? error = null)
    {
        lock (_lock)
        {
            WaitUntilWritten();
            Document.Status = status;
            Document.Error = error;
            Document.FinishedAt = _timeProvider.GetUtcNow();
            Flush();
        }
    }

    // The images to remove by the tags to remove, per repository; Planned drops it, as it replaces the images.
    private Dictionary<string, ImageReport> ImagesByTag(RepositoryReport report)
    {
        if (!_imagesByTag.TryGetValue(report.Name, out var byTag))
        {
            byTag = new Dictionary<string, ImageReport>(StringComparer.Ordinal);
            foreach (var image in report.Images.Where(i => i.Action == "remove"))
            {
                foreach (var tag in image.TagsToRemove)
                {
                    byTag.TryAdd(tag, image);
                }
            }

            _imagesByTag[report.Name] = byTag;
        }

        return byTag;
    }

    // Images that left count with their children and companions; in a preview, what would leave.
    private void Recount(RepositoryReport report)
    {
        var deleted = report.Images.Where(CountsAsDeleted).ToList();
        var related = report.Images.SelectMany(i => i.Related)
            .Where(r => Document.Preview ? r.Action == "delete" : r.Outcome == "deleted")
            .ToList();
        report.ImagesDeleted = deleted.Count + related.Count;
        report.BytesReclaimed = deleted.Sum(i => i.SizeInBytes) + related.Sum(r => r.SizeInBytes);
    }

    private static int Entries(RepositoryReport report) => report.Images.Count + report.Problems.Count;

    private bool CountsAsDeleted(ImageReport image) => image.DeletesImage && (Document.Preview || image.Outcome == "removed");

    // changedImages: the images that the change touched, for the journal; without it, all of the repository's images.
    private void Update(EcrRepository repository, Action<RepositoryReport> change, Func<RepositoryReport, IEnumerable<ImageReport>>? changedImages = null)
    {
        lock (_lock)
        {
            WaitUntilWritten();
            if (!_repositories.TryGetValue(repository.Name, out var report))
            {
                report = new RepositoryReport { Name = repository.Name, Uri = repository.Uri };
                _repositories.Add(repository.Name, report);
                var position = Document.Repositories.FindIndex(r => string.CompareOrdinal(r.Name, report.Name) > 0);
                Document.Repositories.Insert(position < 0 ? Document.Repositories.Count : position, report);
            }

            var entriesBefore = Entries(report);
            change(report);
            _entries += Entries(report) - entriesBefore;
            if (_journal.ShouldRewrite(_entries))
            {
                Flush();
            }
            else
            {
                _journal.Append(report, changedImages?.Invoke(report) ?? report.Images);
            }
        }
    }

    private void Flush() => Write(File.Create(TemporaryPath));

    // Writes the report into the temporary file (and closes it), then puts it in the report's place.
    private void Write(FileStream temporary)
    {
        using (temporary)
        {
            JsonSerializer.Serialize(
                temporary,
                Document,
                ReportJson.TypeInfo<ReportDocument>(_entries <= ReportJournal.SmallReportEntries ? ReportJson.Indented : ReportJson.Compact));
        }

        File.Move(TemporaryPath, Path, overwrite: true);
        _journal.Clear();
    }
}
