using EcrUtils.Images;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>
/// The JSON report (schema version 1) as a projection of a run's result: it names each state of the typed model with
/// the report's strings and decides nothing of its own.
/// </summary>
public static class ReportProjection
{
    /// <summary>The whole report of <paramref name="run"/> as it stands.</summary>
    public static ReportDocument Document(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = run.Options;
        return new ReportDocument
        {
            Task = run.Task.ToString(),
            Environment = run.Environment,
            Preview = run.Preview,
            Status = Name(run.Status),
            StartedAt = run.StartedAt,
            FinishedAt = run.FinishedAt,
            Error = run.Error,
            Settings = new ReportSettings(
                options.TagPattern ?? TagRules.DefaultTagPattern,
                options.FloatingTagPattern ?? TagRules.DefaultFloatingTagPattern,
                options.ProtectTags,
                run.Task == EcrTask.DeleteOldestImages ? options.Keep : null,
                options.FallbackEnvironment,
                // What the run used, also where the arguments left it to the credentials and the environment.
                options.RegistryId ?? run.FirstRepository?.RegistryId,
                options.Region ?? run.FirstRepository?.Region)
            {
                OlderThan = options.OlderThan is { } olderThan ? Retention.Duration(olderThan) : null,
                KeepPulledWithin = options.KeepPulledWithin is { } within ? Retention.Duration(within) : null,
                Archive = options.Archive ? true : null,
            },
            Repositories = [.. run.Repositories.Select(r => Repository(r, r.Images))],
            LatestImages = [.. run.LatestImages.Select(Latest)],
            InUseCheck = run.InUseCheck is { } check ? InUseCheckReports.From(check, run.InUseFile) : null,
            EarlierRun = run.EarlierRun is { } earlier ? new EarlierRunReport(earlier.ReportPath, earlier.StartedAt, earlier.Status) : null,
            Environments = run.Environments is { } listing ? [.. Largest(listing).Select(Environment)] : null,
            ImagesWithoutEnvironment = run.Environments?.ImagesWithoutEnvironment,
            RestoredImages = run.Restores is { } restores
                ? [.. restores.Select(r => new RestoredImageReport(r.Repository.Name, r.Image.Digest, r.Image.Tags, r.Image.PushedAt, r.Image.SizeInBytes, Name(r.Status), r.Message))]
                : null,
        };
    }

    /// <summary>A repository with its state, counts and problems, and only <paramref name="images"/> of its images.</summary>
    public static RepositoryReport Repository(RepositoryResult repository, IEnumerable<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(images);
        return new RepositoryReport
        {
            Name = repository.Repository.Name,
            Uri = repository.Repository.Uri,
            Status = Name(repository.Status),
            Error = repository.Error,
            ImagesKept = repository.ImagesKept,
            ImagesToRemove = repository.ImagesToRemove,
            ImagesDeleted = repository.ImagesDeleted,
            TagsRemoved = repository.TagsRemoved,
            BytesReclaimed = repository.BytesReclaimed,
            Images = [.. images.Select(Image)],
            Problems = [.. repository.Problems.Select(p => new ProblemReport(p.Tag, p.Digest, p.Code, p.Message))],
            RemovedByEarlierRun = repository.RemovedByEarlierRun.Count > 0 ? repository.RemovedByEarlierRun : null,
            ImagesArchived = repository.Archives ? repository.ImagesArchived : null,
            BytesArchived = repository.Archives ? repository.BytesArchived : null,
        };
    }

    /// <summary>One image with the decision about it and its outcome.</summary>
    public static ImageReport Image(ImageResult image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var decision = image.Decision;
        return new ImageReport
        {
            Digest = decision.Image.Digest,
            Tags = decision.Image.Tags,
            PushedAt = decision.Image.PushedAt,
            SizeInBytes = decision.Image.SizeInBytes,
            Action = decision.Action switch
            {
                ImageAction.Keep => "keep",
                ImageAction.Archive => "archive",
                _ => "remove",
            },
            Reason = decision.Reason,
            TagsToRemove = decision.TagsToRemove,
            DeletesImage = decision.DeletesImage,
            InUseBy = decision.InUseBy,
            Outcome = Name(image.Outcome),
            // The result's own list, read while the result cannot change (a projection is written at once): a copy per
            // image per write was most of a large run's garbage.
            RemovedTags = image.RemovedTags,
            Related = image.Related.Count == 0 ? [] : [.. image.Related.Select(Related)],
        };
    }

    /// <summary>The environments, largest reclaimable first (then by name): the order of the table and the report.</summary>
    public static IReadOnlyList<EnvironmentSummary> Largest(EnvironmentListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return [.. listing.Environments.OrderByDescending(e => e.ReclaimableBytes).ThenBy(e => e.Name, StringComparer.Ordinal)];
    }

    /// <summary>One environment as the report shows it.</summary>
    public static EnvironmentReport Environment(EnvironmentSummary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new EnvironmentReport(
            environment.Name,
            environment.Repositories,
            environment.Images,
            environment.SharedImages,
            environment.ReclaimableImages,
            environment.ReclaimableBytes,
            environment.NewestPush,
            environment.LastPull,
            environment.InUseBy.Count > 0,
            environment.InUseBy,
            environment.ArchivedImages,
            environment.Protected,
            environment.Stale);
    }

    /// <summary>The report's name of where a restored image stands.</summary>
    public static string Name(RestoreStatus status) => status switch
    {
        RestoreStatus.Planned => "planned",
        RestoreStatus.Activating => "activating",
        RestoreStatus.Active => "active",
        RestoreStatus.NotArchived => "not-archived",
        RestoreStatus.AlreadyActivating => "already-activating",
        _ => "failed",
    };

    /// <summary>The report's name of a run status.</summary>
    public static string Name(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.PartialFailure => "partial-failure",
        RunStatus.MissingImages => "missing-images",
        RunStatus.Failed => "failed",
        _ => "cancelled",
    };

    /// <summary>The report's name of a repository status.</summary>
    public static string Name(RepositoryStatus status) => status switch
    {
        RepositoryStatus.Planning => "planning",
        RepositoryStatus.Planned => "planned",
        RepositoryStatus.Deleting => "deleting",
        RepositoryStatus.Done => "done",
        RepositoryStatus.Cancelled => "cancelled",
        _ => "failed",
    };

    /// <summary>The report's name of an image outcome.</summary>
    public static string Name(ImageOutcome outcome) => outcome switch
    {
        ImageOutcome.Kept => "kept",
        ImageOutcome.Planned => "planned",
        ImageOutcome.Removed => "removed",
        ImageOutcome.PartlyRemoved => "partly-removed",
        ImageOutcome.Unconfirmed => "unconfirmed",
        ImageOutcome.Archived => "archived",
        _ => "failed",
    };

    /// <summary>The report's name of what became of a child or companion.</summary>
    public static string Name(RelatedImageStatus status) => status switch
    {
        RelatedImageStatus.Planned => "planned",
        RelatedImageStatus.Deleted => "deleted",
        RelatedImageStatus.Kept => "kept",
        RelatedImageStatus.Unconfirmed => "unconfirmed",
        RelatedImageStatus.Archived => "archived",
        _ => "failed",
    };

    private static RelatedImageReport Related(RelatedImageResult related)
    {
        var decision = related.Decision;
        return new RelatedImageReport
        {
            Digest = decision.Image.Digest,
            Kind = decision.Kind == RelatedImageKind.Child ? "child" : "companion",
            Parent = decision.Parent,
            Tags = decision.Image.Tags,
            SizeInBytes = decision.Image.SizeInBytes,
            Action = decision.Deletes ? "delete" : "keep",
            Reason = related.Reason,
            Outcome = Name(related.Status),
        };
    }

    /// <summary>The latest image (or its absence) of one repository.</summary>
    public static LatestImageReport Latest(LatestImageResult latest) => new(
        latest.Repository.Name,
        latest.Found,
        latest.Environment,
        latest.IsFallback,
        latest.Latest?.Tag,
        latest.Latest?.Image.Digest,
        latest.Latest?.Image.PushedAt,
        latest.ImageUri,
        latest.PinnedUri)
    {
        LastRecordedPullTime = latest.Latest?.Image.LastRecordedPullTime,
        NewerArchivedTag = latest.NewerArchived?.Tag,
        NewerArchivedDigest = latest.NewerArchived?.Image.Digest,
    };
}
