using EcrUtils.Ecr;
using EcrUtils.Options;

namespace EcrUtils.Operations;

/// <summary>
/// RestoreImages: restores archived images of an environment in the repository scope, those holding one of
/// <c>--image-tag</c> or all of them (<c>--all-archived</c>), with UpdateImageStorageClass to <c>STANDARD</c> (one image a
/// call, within <c>--max-parallel</c>). ECR then makes each image active, "typically up to 20 minutes"; with
/// <c>--wait</c> the operation polls DescribeImages (at most one call per 100 images per poll, with a growing pause)
/// until every image is active or <c>--wait-timeout</c> passes.
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UpdateImageStorageClass.html
/// </summary>
public sealed class RestoreImagesOperation(IEcrClient client, TimeProvider timeProvider)
{
    private static readonly TimeSpan s_firstPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromSeconds(60);

    /// <summary>Runs the restore; <paramref name="changed"/> gets every image's state whenever it moves.</summary>
    public async Task<RestoreOutcome> RunAsync(EcrOptions options, Action<IReadOnlyList<RestoreResult>> changed, RunStop stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(changed);
        var environment = options.Environment ?? throw new ArgumentException("The environment is required.", nameof(options));
        var rules = options.CreateTagRules(environment);
        var wanted = options.ImageTags.ToHashSet(StringComparer.Ordinal);
        var repositories = await RepositoryResolver.ResolveAsync(client, options, stop.Stopping).ConfigureAwait(false);

        var found = new List<RestoreResult>[repositories.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, repositories.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = stop.Stopping },
            async (index, token) =>
            {
                var repository = repositories[index];
                var images = await ImageSnapshot.ReadAsync(client, options.RegistryId, repository.Name, token).ConfigureAwait(false);
                found[index] = [.. images
                    .Where(image => options.AllArchived
                        ? image.IsArchived && image.Tags.Any(rules.IsEnvironmentTag)
                        : image.Tags.Any(wanted.Contains))
                    .OrderByDescending(image => image.PushedAt)
                    .Select(image => new RestoreResult(repository, image, Classify(image)))];
            }).ConfigureAwait(false);

        var results = found.SelectMany(r => r).ToArray();
        var missing = options.ImageTags.Where(tag => !results.Any(r => r.Image.Tags.Contains(tag, StringComparer.Ordinal))).ToList();
        changed(results);
        if (options.Preview)
        {
            return new RestoreOutcome(results, missing, TimedOut: false);
        }

        await RestoreAsync(options, results, changed, stop).ConfigureAwait(false);
        var timedOut = options.Wait && !await WaitAsync(options, results, changed, stop.Stopping).ConfigureAwait(false);
        return new RestoreOutcome(results, missing, timedOut);
    }

    private static RestoreStatus Classify(EcrImage image) =>
        image.IsArchived ? RestoreStatus.Planned
        : image.IsActive ? RestoreStatus.NotArchived
        : RestoreStatus.AlreadyActivating;

    // One call per image, up to --max-parallel at once; each answer is taken in as it arrives.
    private Task RestoreAsync(EcrOptions options, RestoreResult[] results, Action<IReadOnlyList<RestoreResult>> changed, RunStop stop)
    {
        var gate = new Lock();
        var planned = Enumerable.Range(0, results.Length).Where(i => results[i].Status == RestoreStatus.Planned).ToList();
        return BoundedCalls.RunAsync(planned, options.MaxParallel, stop, async index =>
        {
            var result = results[index];
            RestoreResult next;
            try
            {
                var answer = await client.UpdateImageStorageClassAsync(
                    options.RegistryId, result.Repository.Name, ImageId.ForDigest(result.Image.Digest), StorageClass.Standard, stop.Aborted).ConfigureAwait(false);
                next = result with
                {
                    Status = string.Equals(answer.Status, EcrImage.ActiveStatus, StringComparison.OrdinalIgnoreCase) ? RestoreStatus.Active : RestoreStatus.Activating,
                };
            }
            catch (Exception refused) when (BoundedCalls.IsRefusal(refused))
            {
                next = result with { Status = RestoreStatus.Failed, Message = refused.Message };
            }

            lock (gate)
            {
                results[index] = next;
                changed(results);
            }
        });
    }

    // Polls until every image is active; false when --wait-timeout passed first.
    private async Task<bool> WaitAsync(EcrOptions options, RestoreResult[] results, Action<IReadOnlyList<RestoreResult>> changed, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + (options.WaitTimeout ?? TimeSpan.FromMinutes(30));
        var pause = s_firstPoll;
        while (results.Any(r => r.Status == RestoreStatus.Activating))
        {
            var left = deadline - timeProvider.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.Delay(pause < left ? pause : left, timeProvider, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < s_longestPoll ? pause * 2 : s_longestPoll;
            foreach (var repository in results.Where(r => r.Status == RestoreStatus.Activating).GroupBy(r => r.Repository))
            {
                var ids = repository.Select(r => ImageId.ForDigest(r.Image.Digest)).ToList();
                var now = await client.DescribeImagesAsync(options.RegistryId, repository.Key.Name, ids, cancellationToken).ConfigureAwait(false);
                var active = now.Where(i => i.IsActive).Select(i => i.Digest).ToHashSet(StringComparer.Ordinal);
                var gone = ids.Select(id => id.Digest!).Except(now.Select(i => i.Digest), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < results.Length; i++)
                {
                    if (results[i].Status == RestoreStatus.Activating && results[i].Repository == repository.Key)
                    {
                        results[i] = active.Contains(results[i].Image.Digest) ? results[i] with { Status = RestoreStatus.Active }
                            : gone.Contains(results[i].Image.Digest) ? results[i] with { Status = RestoreStatus.Failed, Message = "the image was deleted while it was being restored" }
                            : results[i];
                    }
                }
            }

            changed(results);
        }

        return true;
    }
}
