using System.Globalization;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;

namespace Build.Output;

/// <summary>The last line of a run's console output: what happened, in every outcome, and where the report is.</summary>
internal static class ClosingLine
{
    public static string For(RunResult run, string reportPath) =>
        $"{run.Task switch { EcrTask.GetLatestImages => Latest(run), EcrTask.RestoreImages => Restore(run), EcrTask.ListEnvironments => Environments(run), _ => Deletion(run) }} Report: {reportPath}";

    private static string Environments(RunResult run)
    {
        if (run.Environments is not { } listing)
        {
            return run.Status == RunStatus.Cancelled ? "Cancelled before the environments were all read." : "Stopped by an error before the environments were all read (see the error below).";
        }

        var environments = listing.Environments;
        var repositories = Quantity.Of(run.RepositoryCount ?? 0, "repository", "repositories");
        var stale = run.Options.StaleAfter is null ? string.Empty : $"{environments.Count(e => e.Stale)} stale, ";
        var without = listing.ImagesWithoutEnvironment > 0 ? $"; {Quantity.Of(listing.ImagesWithoutEnvironment, "image")} belong to no environment" : string.Empty;
        return $"{Quantity.Of(environments.Count, "environment")} in {repositories}: {stale}{ByteSize.Format(environments.Sum(e => e.ReclaimableBytes))} reclaimable{without}.";
    }

    private static string Restore(RunResult run)
    {
        var restores = run.Restores ?? [];
        int Count(RestoreStatus status) => restores.Count(r => r.Status == status);
        var inRepositories = Quantity.Of(restores.Select(r => r.Repository.Name).Distinct(StringComparer.Ordinal).Count(), "repository", "repositories");
        var others = string.Join(
            ", ",
            new[]
            {
                Count(RestoreStatus.NotArchived) is > 0 and var notArchived ? $"{Quantity.Of(notArchived, "image")} not archived" : null,
                Count(RestoreStatus.AlreadyActivating) is > 0 and var restoring ? $"{Quantity.Of(restoring, "image")} already being restored" : null,
                Count(RestoreStatus.Failed) is > 0 and var failed ? $"{Quantity.Of(failed, "image")} failed" : null,
            }.OfType<string>());
        var also = others.Length > 0 ? $" ({others})" : string.Empty;
        if (run.Preview)
        {
            return $"Preview: {Quantity.Of(Count(RestoreStatus.Planned), "archived image")} of {run.Environment} would be restored in {inRepositories}{also}. Nothing was changed.";
        }

        var activating = Count(RestoreStatus.Activating);
        var active = Count(RestoreStatus.Active);
        return run.Status switch
        {
            RunStatus.Cancelled => $"Cancelled: {Quantity.Of(activating + active, "image")} of {run.Environment} restoring or restored{also}.",
            _ when activating > 0 && run.Options.Wait && run.Error is not null && run.Error.Contains("--wait-timeout", StringComparison.Ordinal) => $"Still restoring {Quantity.Of(activating, "image")} of {run.Environment} when --wait-timeout passed; {active} active{also}. They go on restoring: run again later.",
            RunStatus.Failed => $"Stopped by an error: {Quantity.Of(activating + active, "image")} of {run.Environment} restoring or restored{also} (see the error below).",
            _ when activating > 0 => $"Restoring {Quantity.Of(activating, "image")} of {run.Environment} in {inRepositories}{also}: ECR typically takes up to 20 minutes (--wait waits for it).",
            _ when active > 0 => $"Restored {Quantity.Of(active, "image")} of {run.Environment} in {inRepositories}: they can be pulled{also}.",
            _ => $"Nothing to restore of {run.Environment}{also}.",
        };
    }

    private static string Latest(RunResult run)
    {
        var found = run.LatestImages.Count(l => l.Found);
        var missing = run.LatestImages.Where(l => !l.Found).Select(l => l.Repository.Name).ToList();
        var of = $"{found} of {Quantity.Of(run.LatestImages.Count, "repository", "repositories")}";
        return run.Status switch
        {
            RunStatus.Cancelled => "Cancelled before the latest images were all found.",
            RunStatus.Failed => "Stopped by an error before the latest images were all found (see the error below).",
            _ when missing.Count > 0 => $"Found the latest image of {run.Environment} in {of}; none in {string.Join(", ", missing)}.",
            _ => $"Found the latest image of {run.Environment} in {of}.",
        };
    }

    private static string Deletion(RunResult run) => DeletionOutcome(run) + EarlierRun(run);

    // What the unfinished run before this one did that its own report could not confirm.
    private static string EarlierRun(RunResult run) =>
        run.EarlierRun is { } earlier && run.TagsRemovedByEarlierRun is > 0 and var tags
            ? $" The run before it ({earlier.Status}, started {earlier.StartedAt.ToString("u", CultureInfo.InvariantCulture)}) had removed {Quantity.Of(tags, "tag")} that its report left open: see {earlier.ReportPath}."
            : string.Empty;

    private static string DeletionOutcome(RunResult run) => run.Options.Archive ? ArchiveOutcome(run) : DeleteOutcome(run);

    // --archive: what was archived comes first; tags removed from images that other tags keep, after.
    private static string ArchiveOutcome(RunResult run)
    {
        var inRepositories = Quantity.Of(run.Repositories.Count, "repository", "repositories");
        var archived = $"{Quantity.Of(run.ImagesArchived, "image")} ({ByteSize.Format(run.BytesArchived)})";
        const string Billing = "ECR bills archived images for at least 90 days; RestoreImages brings them back.";
        if (run.Preview)
        {
            return run.Status is RunStatus.Cancelled or RunStatus.Failed
                ? "Preview stopped. Nothing was changed."
                : $"Preview of {inRepositories}: {archived} would be archived, {Quantity.Of(run.ImagesToRemove, "image")} would lose {run.Environment} (other tags keep them). Nothing was changed. {Billing}";
        }

        var tags = run.TagsRemoved > 0 ? $"; removed {Quantity.Of(run.TagsRemoved, "tag")} of {run.Environment} from images that other tags keep" : string.Empty;
        var done = $"archived {archived} in {inRepositories}{tags}";
        return run.Status switch
        {
            RunStatus.Cancelled => $"Cancelled after it {done}; run the same command again to finish.",
            RunStatus.Failed => $"Stopped by an error after it {done} (see the error below).",
            RunStatus.PartialFailure => $"Partly done: {done}; {Quantity.Of(run.RepositoriesWithFailures, "repository", "repositories")} had failures (listed above). {Billing}",
            _ when run.ImagesArchived + run.TagsRemoved == 0 => $"Nothing to archive in {inRepositories}: every image of {run.Environment} is kept.",
            _ => $"{char.ToUpperInvariant(done[0])}{done[1..]}. {Billing}",
        };
    }

    private static string DeleteOutcome(RunResult run)
    {
        var repositories = run.Repositories;
        var bytes = ByteSize.Format(run.BytesReclaimed);
        var inRepositories = Quantity.Of(repositories.Count, "repository", "repositories");
        if (run.Preview)
        {
            return run.Status switch
            {
                RunStatus.Cancelled => "Preview cancelled. Nothing was deleted.",
                RunStatus.Failed => "Preview stopped by an error (see the error below). Nothing was deleted.",
                _ => $"Preview of {inRepositories}: {Quantity.Of(run.ImagesToRemove, "image")} would lose {run.Environment}, "
                    + $"{run.ImagesDeleted} would be deleted and {bytes} reclaimed. Nothing was deleted.",
            };
        }

        var tags = run.TagsRemoved + run.CompanionTagsRemoved;
        var changed = repositories.Count(r => r.TagsRemoved + r.ImagesDeleted > 0);
        var where = changed == repositories.Count ? inRepositories : $"{changed} of {inRepositories}";
        var companions = run.CompanionTagsRemoved > 0 ? $" ({run.TagsRemoved} of {run.Environment}, {Quantity.Of(run.CompanionTagsRemoved, "companion tag")})" : string.Empty;
        var tagsRemoved = $"{Quantity.Of(tags, "tag")}{companions}";
        var done = tags == 0 ? null : $"removed {tagsRemoved} ({Quantity.Of(run.ImagesDeleted, "image")} deleted, {bytes} reclaimed)";
        return run.Status switch
        {
            RunStatus.Cancelled => done is null ? "Cancelled before anything was deleted." : $"Cancelled after it {done}; run the same command again to finish.",
            RunStatus.Failed => done is null ? "Stopped by an error before anything was deleted (see the error below)." : $"Stopped by an error after it {done} (see the error below).",
            RunStatus.PartialFailure => $"Partly done: {done ?? "removed nothing"} in {inRepositories}; {Quantity.Of(run.RepositoriesWithFailures, "repository", "repositories")} had failures (listed above).",
            _ when run.ImagesToRemove == 0 => $"Nothing to remove in {inRepositories}: every image of {run.Environment} is kept.",
            _ => $"Removed {tagsRemoved} in {where}: {Quantity.Of(run.ImagesDeleted, "image")} deleted, {bytes} reclaimed.",
        };
    }
}
