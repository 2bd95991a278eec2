using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Resilience;

namespace EcrUtils.Operations;

/// <summary>
/// Archives the images of one repository that a run would have deleted (<c>--archive</c>): UpdateImageStorageClass
/// by digest, one image a call (ECR has no batch form), up to <c>maxParallel</c> at a time within the run's shared
/// cap on requests in flight. Each answer is recorded as it arrives. An image ECR refuses is reported and the others
/// go on; a call without an answer that says what it did is unconfirmed and stops further calls, as a stop does
/// (calls in flight finish and are recorded; an abort gives them up, unconfirmed).
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UpdateImageStorageClass.html
/// </summary>
internal sealed class ImageArchival(IEcrClient client, string? registryId, EcrRepository repository, IDeletionRecorder recorder)
{
    public Task RunAsync(IReadOnlyList<string> digests, int maxParallel, RunStop stop)
    {
        var gate = new Lock();
        return BoundedCalls.RunAsync(digests, maxParallel, stop, async digest =>
        {
            try
            {
                var answer = await client.UpdateImageStorageClassAsync(registryId, repository.Name, ImageId.ForDigest(digest), StorageClass.Archive, stop.Aborted).ConfigureAwait(false);
                Record(string.Equals(answer.Status, EcrImage.ArchivedStatus, StringComparison.OrdinalIgnoreCase)
                    ? new ArchivalOutcome(digest, ArchivalStatus.Archived)
                    : new ArchivalOutcome(digest, ArchivalStatus.Unconfirmed, $"ECR answered status {answer.Status}, not {EcrImage.ArchivedStatus}"));
            }
            catch (Exception refused) when (BoundedCalls.IsRefusal(refused))
            {
                // This image only: the others go on.
                Record(new ArchivalOutcome(digest, ArchivalStatus.Failed, refused.Message));
            }
            catch (Exception ex) when (ex is not (RequestNotSentException or AwsServiceException { IsAccessDenied: true }))
            {
                // Never sent, or refused for every image alike, changes nothing; anything else may have archived it.
                Record(new ArchivalOutcome(digest, ArchivalStatus.Unconfirmed, $"the call ended without an answer that says what it did ({ex.GetType().Name}), so ECR may or may not have archived it"));
                throw;
            }
        });

        void Record(ArchivalOutcome outcome)
        {
            lock (gate)
            {
                recorder.Archived(repository, [outcome]);
                if (outcome.Status != ArchivalStatus.Archived)
                {
                    recorder.Problem(repository, new DeletionProblem(
                        null,
                        outcome.Digest,
                        outcome.Status == ArchivalStatus.Failed ? "ArchiveFailed" : DeletionProblem.Unconfirmed,
                        $"{outcome.Digest} was not archived: {outcome.Reason}. Run the same command again: an image that is archived by then is left as it is."));
                }
            }
        }
    }
}
