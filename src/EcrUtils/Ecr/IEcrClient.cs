namespace EcrUtils.Ecr;

/// <summary>
/// The Amazon ECR operations EcrUtils uses. Implementations page through every result and split batch calls
/// at ECR's limits, so callers see whole answers.
/// </summary>
public interface IEcrClient
{
    /// <summary>Describes repositories: the named ones, or all of the registry when <paramref name="repositoryNames"/> is empty.</summary>
    IAsyncEnumerable<EcrRepository> DescribeRepositoriesAsync(string? registryId, IReadOnlyList<string> repositoryNames, CancellationToken cancellationToken);

    /// <summary>Lists the resource tags of a repository.</summary>
    Task<IReadOnlyList<ResourceTag>> ListTagsForResourceAsync(string repositoryArn, CancellationToken cancellationToken);

    /// <summary>Describes every image of a repository, one page at a time.</summary>
    IAsyncEnumerable<IReadOnlyList<EcrImage>> DescribeImagesAsync(string? registryId, string repositoryName, CancellationToken cancellationToken);

    /// <summary>
    /// Describes the images named by <paramref name="imageIds"/>, whatever their status, in calls of at most 100 ids;
    /// an image that does not exist is left out of the answer.
    /// </summary>
    Task<IReadOnlyList<EcrImage>> DescribeImagesAsync(string? registryId, string repositoryName, IReadOnlyList<ImageId> imageIds, CancellationToken cancellationToken);

    /// <summary>Reads image manifests, in calls of at most 100 ids.</summary>
    Task<BatchGetImageResult> BatchGetImageAsync(string? registryId, string repositoryName, IReadOnlyList<ImageId> imageIds, IReadOnlyList<string> acceptedMediaTypes, CancellationToken cancellationToken);

    /// <summary>
    /// Moves one image to another storage class: <see cref="StorageClass.Archive"/> archives it (it keeps its tags and
    /// can no longer be pulled), <see cref="StorageClass.Standard"/> restores an archived image. There is no batch form.
    /// </summary>
    Task<ImageStatusChange> UpdateImageStorageClassAsync(string? registryId, string repositoryName, ImageId imageId, string targetStorageClass, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes images or tags, in calls of at most 100 ids. <paramref name="onBatchCompleted"/> is called after each
    /// call with what that call deleted and failed, so that callers can record progress as it happens.
    /// </summary>
    Task<BatchDeleteResult> BatchDeleteImageAsync(string? registryId, string repositoryName, IReadOnlyList<ImageId> imageIds, Func<BatchDeleteResult, CancellationToken, ValueTask>? onBatchCompleted, CancellationToken cancellationToken);
}
