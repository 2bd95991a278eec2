using System.Net;
using System.Runtime.CompilerServices;
using EcrUtils.Aws;
using EcrUtils.Ecr.Json;
using Polly;

namespace EcrUtils.Ecr;

/// <summary>
/// The ECR client over HttpClient and the AWS JSON 1.1 protocol. Limits are ECR's documented ones:
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImages.html (maxResults 1..1000) and
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchDeleteImage.html (1..100 image ids a call).
/// </summary>
internal sealed class EcrClient : IEcrClient
{
    internal const int MaxResults = 1000;
    internal const int MaxBatchSize = 100;

    // Without a filter DescribeImages hides archived images; the planners must see them to decide about them.
    private const string AnyImageStatus = "ANY";

    private const string ImageNotFound = "ImageNotFoundException";

    private static readonly EcrJsonContext s_json = EcrJsonContext.Default;
    private readonly AwsJsonSender _sender;

    internal EcrClient(HttpClient httpClient, Uri endpoint, ResiliencePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(pipeline);
        _sender = new AwsJsonSender(httpClient, endpoint, pipeline, AwsService.Ecr, "AmazonEC2ContainerRegistry_V20150921.");
    }

    public async IAsyncEnumerable<EcrRepository> DescribeRepositoriesAsync(
        string? registryId,
        IReadOnlyList<string> repositoryNames,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repositoryNames);
        if (repositoryNames.Count > 0)
        {
            // With repositoryNames, ECR refuses maxResults and nextToken and answers every named repository at once.
            foreach (var names in repositoryNames.Distinct(StringComparer.Ordinal).Chunk(MaxBatchSize))
            {
                var response = await DescribeRepositoriesPageAsync(new(registryId, names, null, null), cancellationToken).ConfigureAwait(false);
                foreach (var repository in response.Repositories ?? [])
                {
                    yield return EcrResponseMapper.ToRepository(repository);
                }
            }

            yield break;
        }

        string? nextToken = null;
        do
        {
            var response = await DescribeRepositoriesPageAsync(new(registryId, null, nextToken, MaxResults), cancellationToken).ConfigureAwait(false);
            foreach (var repository in response.Repositories ?? [])
            {
                yield return EcrResponseMapper.ToRepository(repository);
            }

            nextToken = NextPage(EcrOperation.DescribeRepositories, nextToken, response.NextToken);
        }
        while (nextToken is not null);
    }

    public async Task<IReadOnlyList<ResourceTag>> ListTagsForResourceAsync(string repositoryArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryArn);
        var response = await _sender.SendAsync(
            EcrOperation.ListTagsForResource,
            new ListTagsForResourceRequest(repositoryArn),
            s_json.ListTagsForResourceRequest,
            s_json.ListTagsForResourceResponse,
            cancellationToken).ConfigureAwait(false);
        return [.. (response.Tags ?? []).Select(EcrResponseMapper.ToTag)];
    }

    public async IAsyncEnumerable<IReadOnlyList<EcrImage>> DescribeImagesAsync(
        string? registryId,
        string repositoryName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryName);

        // Pages follow one another (each needs the previous page's token), so every millisecond between two requests
        // counts once per page: the next page is asked for as soon as this one's token is known, and this page is
        // parsed and handed on while that request is on its way. A consumer that stops early cancels it.
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<AwsAnswer>? next = DescribeImagesPageAsync(registryId, repositoryName, null, prefetch.Token);
        string? sent = null;
        var values = new ValuePool();
        try
        {
            while (next is not null)
            {
                var current = next;
                next = null;
                var answer = await current.ConfigureAwait(false);
                var token = NextPage(EcrOperation.DescribeImages, sent, AwsPageToken.Read(answer.Body));
                if (token is not null)
                {
                    next = DescribeImagesPageAsync(registryId, repositoryName, token, prefetch.Token);
                }

                var response = _sender.Parse(EcrOperation.DescribeImages, answer, s_json.DescribeImagesResponse);
                if (!string.Equals(NullIfEmpty(response.NextToken), token, StringComparison.Ordinal))
                {
                    throw InvalidServiceResponse.Create(AwsService.Ecr, EcrOperation.DescribeImages, HttpStatusCode.OK, "the page's nextToken could not be read consistently");
                }

                sent = token;
                yield return [.. (response.ImageDetails ?? []).Select(dto => EcrResponseMapper.ToImage(dto, values))];
            }
        }
        finally
        {
            if (next is not null)
            {
                await prefetch.CancelAsync().ConfigureAwait(false);

                // The page nobody will read: its outcome, cancelled or not, no longer matters.
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task<BatchGetImageResult> BatchGetImageAsync(
        string? registryId,
        string repositoryName,
        IReadOnlyList<ImageId> imageIds,
        IReadOnlyList<string> acceptedMediaTypes,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryName);
        ArgumentNullException.ThrowIfNull(imageIds);
        ArgumentNullException.ThrowIfNull(acceptedMediaTypes);
        // The calls go at once (a repository of 5,000 multi-arch builds has 50 of them), their answers taken in order.
        List<ImageId[]> chunks = [.. imageIds.Distinct().Chunk(MaxBatchSize)];
        var responses = await ConcurrentReads.ReadAllAsync(
            chunks,
            (chunk, token) => _sender.SendAsync(
                EcrOperation.BatchGetImage,
                new BatchGetImageRequest(
                    registryId,
                    repositoryName,
                    [.. chunk.Select(EcrResponseMapper.ToDto)],
                    acceptedMediaTypes.Count > 0 ? acceptedMediaTypes : null),
                s_json.BatchGetImageRequest,
                s_json.BatchGetImageResponse,
                token),
            cancellationToken).ConfigureAwait(false);
        List<ImageManifest> images = [];
        List<ImageFailure> failures = [];
        for (var i = 0; i < chunks.Count; i++)
        {
            images.AddRange((responses[i].Images ?? []).Select(EcrResponseMapper.ToManifest));
            failures.AddRange((responses[i].Failures ?? []).Select(f => EcrResponseMapper.ToFailure(f, chunks[i])));
        }

        return new BatchGetImageResult(images, failures);
    }

    public async Task<BatchDeleteResult> BatchDeleteImageAsync(
        string? registryId,
        string repositoryName,
        IReadOnlyList<ImageId> imageIds,
        Func<BatchDeleteResult, CancellationToken, ValueTask>? onBatchCompleted,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryName);
        ArgumentNullException.ThrowIfNull(imageIds);
        List<DeletedImage> deleted = [];
        List<ImageFailure> failures = [];
        foreach (var chunk in imageIds.Distinct().Chunk(MaxBatchSize))
        {
            var response = await _sender.SendAsync(
                EcrOperation.BatchDeleteImage,
                new BatchDeleteImageRequest(registryId, repositoryName, [.. chunk.Select(EcrResponseMapper.ToDto)]),
                s_json.BatchDeleteImageRequest,
                s_json.BatchDeleteImageResponse,
                cancellationToken).ConfigureAwait(false);
            var batch = new BatchDeleteResult(
                [.. (response.ImageIds ?? []).Select(EcrResponseMapper.ToDeleted)],
                [.. (response.Failures ?? []).Select(f => EcrResponseMapper.ToFailure(f, chunk))]);
            deleted.AddRange(batch.Deleted);
            failures.AddRange(batch.Failures);
            if (onBatchCompleted is not null)
            {
                await onBatchCompleted(batch, cancellationToken).ConfigureAwait(false);
            }
        }

        return new BatchDeleteResult(deleted, failures);
    }

    public async Task<IReadOnlyList<EcrImage>> DescribeImagesAsync(string? registryId, string repositoryName, IReadOnlyList<ImageId> imageIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryName);
        ArgumentNullException.ThrowIfNull(imageIds);
        var values = new ValuePool();
        List<EcrImage> images = [];
        foreach (var chunk in imageIds.Distinct().Chunk(MaxBatchSize))
        {
            try
            {
                images.AddRange(await DescribeByIdAsync(chunk).ConfigureAwait(false));
            }
            catch (AwsServiceException notFound) when (notFound.ErrorCode == ImageNotFound)
            {
                // ECR answers the whole call with ImageNotFoundException when one id is missing: ask for each on its own.
                foreach (var id in chunk.Length > 1 ? chunk : [])
                {
                    try
                    {
                        images.AddRange(await DescribeByIdAsync([id]).ConfigureAwait(false));
                    }
                    catch (AwsServiceException gone) when (gone.ErrorCode == ImageNotFound)
                    {
                        // That one is gone.
                    }
                }
            }
        }

        return images;

        async Task<IEnumerable<EcrImage>> DescribeByIdAsync(ImageId[] ids)
        {
            var response = await _sender.SendAsync(
                EcrOperation.DescribeImages,
                new DescribeImagesRequest(registryId, repositoryName, null, null, new DescribeImagesFilter(AnyImageStatus), [.. ids.Select(EcrResponseMapper.ToDto)]),
                s_json.DescribeImagesRequest,
                s_json.DescribeImagesResponse,
                cancellationToken).ConfigureAwait(false);
            return (response.ImageDetails ?? []).Select(dto => EcrResponseMapper.ToImage(dto, values));
        }
    }

    public async Task<ImageStatusChange> UpdateImageStorageClassAsync(
        string? registryId,
        string repositoryName,
        ImageId imageId,
        string targetStorageClass,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryName);
        ArgumentNullException.ThrowIfNull(imageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetStorageClass);
        var response = await _sender.SendAsync(
            EcrOperation.UpdateImageStorageClass,
            new UpdateImageStorageClassRequest(registryId, repositoryName, EcrResponseMapper.ToDto(imageId), targetStorageClass),
            s_json.UpdateImageStorageClassRequest,
            s_json.UpdateImageStorageClassResponse,
            cancellationToken).ConfigureAwait(false);
        return EcrResponseMapper.ToStatusChange(response, imageId);
    }

    // A token that comes back unchanged would page forever.
    private static string? NextPage(string operation, string? sent, string? received) =>
        string.IsNullOrEmpty(received) ? null
        : received == sent ? throw InvalidServiceResponse.Create(AwsService.Ecr, operation, HttpStatusCode.OK, "nextToken did not change from one page to the next")
        : received;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private Task<AwsAnswer> DescribeImagesPageAsync(string? registryId, string repositoryName, string? nextToken, CancellationToken cancellationToken) =>
        _sender.SendForAnswerAsync(
            EcrOperation.DescribeImages,
            new DescribeImagesRequest(registryId, repositoryName, nextToken, MaxResults, new DescribeImagesFilter(AnyImageStatus)),
            s_json.DescribeImagesRequest,
            cancellationToken);

    private Task<DescribeRepositoriesResponse> DescribeRepositoriesPageAsync(DescribeRepositoriesRequest request, CancellationToken cancellationToken) =>
        _sender.SendAsync(
            EcrOperation.DescribeRepositories,
            request,
            s_json.DescribeRepositoriesRequest,
            s_json.DescribeRepositoriesResponse,
            cancellationToken);
}
