using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// The operations of <see cref="FakeEcr"/>, with ECR's documented request rules:
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html
/// No client lists images: ListImages is there for tests of the ACTIVE-only default that it shares with DescribeImages.
/// </summary>
internal sealed class FakeEcrApi(FakeEcr ecr)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxBatchSize = 100;
    private const string StandardStorageClass = "STANDARD";
    private const string ArchiveStorageClass = "ARCHIVE";

    private static readonly Dictionary<string, string[]> s_fields = new(StringComparer.Ordinal)
    {
        ["DescribeRepositories"] = ["registryId", "repositoryNames", "nextToken", "maxResults"],
        ["ListTagsForResource"] = ["resourceArn"],
        ["DescribeImages"] = ["registryId", "repositoryName", "imageIds", "nextToken", "maxResults", "filter"],
        ["BatchGetImage"] = ["registryId", "repositoryName", "imageIds", "acceptedMediaTypes"],
        ["BatchDeleteImage"] = ["registryId", "repositoryName", "imageIds"],
        ["ListImages"] = ["registryId", "repositoryName", "nextToken", "maxResults", "filter"],
        ["UpdateImageStorageClass"] = ["registryId", "repositoryName", "imageId", "targetStorageClass"],
    };

    public static IReadOnlySet<string> Operations { get; } = s_fields.Keys.ToHashSet(StringComparer.Ordinal);

    public JsonObject Answer(FakeEcrCall call)
    {
        var request = new FakeEcrRequest(ecr, call);
        request.AllowOnly(s_fields[call.Operation]);
        lock (ecr.Gate)
        {
            ecr.SettleActivations();
            return call.Operation switch
            {
                "DescribeRepositories" => DescribeRepositories(request),
                "ListTagsForResource" => ListTagsForResource(request),
                "DescribeImages" => DescribeImages(request),
                "BatchGetImage" => BatchGetImage(request),
                "ListImages" => ListImages(request),
                "UpdateImageStorageClass" => UpdateImageStorageClass(request),
                _ => BatchDeleteImage(request),
            };
        }
    }

    private JsonObject DescribeRepositories(FakeEcrRequest request)
    {
        request.CheckRegistry();
        var names = request.Strings("repositoryNames");
        if (names is null)
        {
            return Page(request, ecr.Repositories);
        }

        if (names.Count is 0 or > MaxBatchSize)
        {
            throw FakeEcrServiceError.Validation($"repositoryNames must hold 1 to {MaxBatchSize} names (got {names.Count}).");
        }

        if (request.Body.ContainsKey("maxResults") || request.Body.ContainsKey("nextToken"))
        {
            throw FakeEcrServiceError.InvalidParameter("maxResults and nextToken cannot be used with repositoryNames.");
        }

        var found = names.Select(name => ecr.Repositories.SingleOrDefault(r => r.Name == name) ?? throw new FakeEcrServiceError(
            "RepositoryNotFoundException",
            $"The repository with name '{name}' does not exist in the registry with id '{FakeEcr.AccountId}'")).ToList();
        return new JsonObject { ["repositories"] = new JsonArray([.. found.Select(RepositoryJson)]) };
    }

    private JsonObject ListTagsForResource(FakeEcrRequest request)
    {
        var arn = request.RequiredString("resourceArn");
        var repository = ecr.Repositories.SingleOrDefault(r => r.Arn == arn)
            ?? throw FakeEcrServiceError.InvalidParameter($"Invalid parameter at 'resourceArn' failed to satisfy constraint: '{arn}'");
        return new JsonObject
        {
            ["tags"] = new JsonArray([.. repository.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
        };
    }

    private JsonObject DescribeImages(FakeEcrRequest request)
    {
        request.CheckRegistry();
        var repository = request.Repository();
        var (tagStatus, imageStatus) = request.ImagesFilter();
        if (request.Body.ContainsKey("imageIds"))
        {
            return DescribeImagesById(request, repository, imageStatus);
        }

        var scope = $"images/{repository.Name}";
        var pageSize = request.MaxResults() ?? DefaultPageSize;
        var offset = Offset(request, scope);
        var images = repository.Images.Page(tagStatus, imageStatus, offset, pageSize, out var more);
        var result = new JsonObject { ["imageDetails"] = FakeEcrRawJson.Node(writer => WriteImageDetails(writer, repository, images)) };
        if (more)
        {
            result["nextToken"] = Token(scope, offset + pageSize);
        }

        return result;
    }

    // With imageIds ECR answers those images at once (at most 100, no paging) and refuses the call when one is missing:
    // https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImages.html
    private JsonObject DescribeImagesById(FakeEcrRequest request, FakeEcrRepository repository, string imageStatus)
    {
        if (request.Body.ContainsKey("nextToken") || request.Body.ContainsKey("maxResults"))
        {
            throw ecr.Violation("DescribeImages takes maxResults and nextToken only without imageIds.");
        }

        var ids = request.ImageIds();
        if (ids.Count is 0 or > MaxBatchSize)
        {
            throw FakeEcrServiceError.Validation($"imageIds must hold 1 to {MaxBatchSize} ids.");
        }

        var images = new List<FakeEcrImage>();
        foreach (var (tag, digest) in ids)
        {
            var image = repository.Images.Lookup.FindSingle(tag, digest) ?? throw new FakeEcrServiceError(
                "ImageNotFoundException",
                $"The image with imageId {{imageDigest:'{digest ?? "null"}', imageTag:'{tag ?? "null"}'}} does not exist within the repository "
                + $"with name '{repository.Name}' in the registry with id '{FakeEcr.AccountId}'");
            if ((imageStatus == "ANY" || image.Status == imageStatus) && !images.Contains(image))
            {
                images.Add(image);
            }
        }

        return new JsonObject { ["imageDetails"] = FakeEcrRawJson.Node(writer => WriteImageDetails(writer, repository, images)) };
    }

    private static JsonObject ListImages(FakeEcrRequest request)
    {
        request.CheckRegistry();
        var repository = request.Repository();
        var (tagStatus, imageStatus) = request.ImagesFilter();
        var scope = $"imageIds/{repository.Name}";
        var pageSize = request.MaxResults() ?? DefaultPageSize;
        var offset = Offset(request, scope);

        // A page holds image ids (one a tag, one for an untagged image), not images; as no client lists images, a page
        // here costs the repository's size.
        var ids = repository.Images.Page(tagStatus, imageStatus, 0, repository.Images.Count, out _)
            .SelectMany(image => image.Tags.Count == 0 ? [ImageIdJson(null, image.Digest)] : image.Tags.Select(tag => ImageIdJson(tag, image.Digest)))
            .ToList();
        var result = new JsonObject { ["imageIds"] = new JsonArray([.. ids.Skip(offset).Take(pageSize)]) };
        if (offset + pageSize < ids.Count)
        {
            result["nextToken"] = Token(scope, offset + pageSize);
        }

        return result;
    }

    // https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UpdateImageStorageClass.html
    // AWS documents ImageStorageClassUpdateNotSupportedException without naming its cases; as the moto launcher does,
    // the fake answers it for every transition but archiving an ACTIVE image and restoring an ARCHIVED one.
    private JsonObject UpdateImageStorageClass(FakeEcrRequest request)
    {
        var name = request.RequiredString("repositoryName");
        var (tag, digest) = request.ImageId();
        var target = request.RequiredString("targetStorageClass");
        if (target is not (StandardStorageClass or ArchiveStorageClass))
        {
            throw FakeEcrServiceError.Validation(
                $"1 validation error detected: Value '{target}' at 'targetStorageClass' failed to satisfy constraint: "
                + $"Member must satisfy enum value set: [{StandardStorageClass}, {ArchiveStorageClass}]");
        }

        if (tag is null && digest is null)
        {
            throw FakeEcrServiceError.InvalidParameter("Invalid parameter at 'imageId' failed to satisfy constraint: 'imageDigest or imageTag must be given'");
        }

        request.CheckRegistry();
        var repository = request.Repository();
        var image = repository.Images.Lookup.FindSingle(tag, digest) ?? throw new FakeEcrServiceError(
            "ImageNotFoundException",
            $"The image with imageId {{imageDigest:'{digest ?? "null"}', imageTag:'{tag ?? "null"}'}} does not exist within the repository "
            + $"with name '{name}' in the registry with id '{FakeEcr.AccountId}'");
        var (from, to) = target == ArchiveStorageClass
            ? (FakeEcrImageStatus.Active, FakeEcrImageStatus.Archived)
            : (FakeEcrImageStatus.Archived, FakeEcrImageStatus.Activating);
        if (image.Status != from)
        {
            throw new FakeEcrServiceError(
                "ImageStorageClassUpdateNotSupportedException",
                $"The image {image.Digest} is {image.Status}: only an {from} image can go to the {target} storage class.");
        }

        ecr.SetArchivalStatus(image, to, ecr.Clock.GetUtcNow());
        return new JsonObject
        {
            ["registryId"] = FakeEcr.AccountId,
            ["repositoryName"] = repository.Name,
            ["imageId"] = ImageIdJson(tag, image.Digest),
            ["imageStatus"] = to,
        };
    }

    private static JsonObject BatchGetImage(FakeEcrRequest request)
    {
        request.CheckRegistry();
        var repository = request.Repository();
        var accepted = request.Strings("acceptedMediaTypes");
        if (accepted is { Count: 0 or > MaxBatchSize })
        {
            throw FakeEcrServiceError.Validation($"acceptedMediaTypes must hold 1 to {MaxBatchSize} media types.");
        }

        var images = new JsonArray();
        var failures = new JsonArray();
        foreach (var (tag, digest) in request.ImageIds())
        {
            var image = repository.Images.Lookup.FindSingle(tag, digest);
            if (tag is null && digest is null)
            {
                failures.Add(FailureJson(tag, digest, "MissingDigestAndTag", "Missing digest and tag"));
            }
            else if (image is null)
            {
                failures.Add(FailureJson(tag, digest, "ImageNotFound", "Requested image not found"));
            }
            else if (accepted is not null && !accepted.Contains(image.MediaType))
            {
                failures.Add(FailureJson(tag, digest, "UnsupportedImageType", $"{image.MediaType} is not accepted"));
            }
            else
            {
                images.Add(new JsonObject
                {
                    ["registryId"] = FakeEcr.AccountId,
                    ["repositoryName"] = repository.Name,
                    ["imageId"] = ImageIdJson(tag, image.Digest),
                    ["imageManifest"] = image.Manifest,
                    ["imageManifestMediaType"] = image.MediaType,
                });
            }
        }

        return new JsonObject { ["images"] = images, ["failures"] = failures };
    }

    private static JsonObject BatchDeleteImage(FakeEcrRequest request)
    {
        request.CheckRegistry();
        var repository = request.Repository();
        var deleted = new JsonArray();
        var failures = new JsonArray();
        var lookup = repository.Images.Lookup;
        foreach (var (tag, digest) in request.ImageIds())
        {
            var image = lookup.Find(tag, digest);
            if (tag is null && digest is null)
            {
                failures.Add(FailureJson(tag, digest, "MissingDigestAndTag", "Missing digest and tag"));
            }
            else if (image is null)
            {
                failures.Add(FailureJson(tag, digest, "ImageNotFound", "Requested image not found"));
            }
            else if (tag is not null && image.Tags.Count == 1 && lookup.IsReferenced(image))
            {
                // Removing the last tag would delete a manifest that an index still lists: ECR refuses and keeps the
                // tag (https://github.com/aws/containers-roadmap/issues/1567).
                failures.Add(FailureJson(tag, digest, "ImageReferencedByManifestList", "Requested image is referenced by a manifest list"));
            }
            else if (tag is not null)
            {
                // ECR removes just the tag; the image goes with its last tag.
                image.Tags.Remove(tag);
                if (image.Tags.Count == 0)
                {
                    repository.Images.Remove(image);
                }

                deleted.Add(ImageIdJson(tag, image.Digest));
            }
            else if (lookup.IsReferenced(image))
            {
                failures.Add(FailureJson(tag, digest, "ImageReferencedByManifestList", "Requested image is referenced by a manifest list"));
            }
            else
            {
                repository.Images.Remove(image);
                deleted.Add(ImageIdJson(null, image.Digest));
            }
        }

        return new JsonObject { ["imageIds"] = deleted, ["failures"] = failures };
    }

    private static JsonObject Page(FakeEcrRequest request, List<FakeEcrRepository> repositories)
    {
        const string Scope = "repositories";
        var pageSize = request.MaxResults() ?? DefaultPageSize;
        var offset = Offset(request, Scope);
        var result = new JsonObject { ["repositories"] = new JsonArray([.. repositories.Skip(offset).Take(pageSize).Select(RepositoryJson)]) };
        if (offset + pageSize < repositories.Count)
        {
            result["nextToken"] = Token(Scope, offset + pageSize);
        }

        return result;
    }

    private static int Offset(FakeEcrRequest request, string scope) =>
        request.OptionalString("nextToken") is { } token ? ReadToken(token, scope) : 0;

    private static string Token(string scope, int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}|{offset}"));

    private static int ReadToken(string token, string scope)
    {
        var bytes = new byte[token.Length];
        if (Convert.TryFromBase64String(token, bytes, out var length))
        {
            var text = Encoding.UTF8.GetString(bytes, 0, length);
            if (text.StartsWith(scope + "|", StringComparison.Ordinal) && int.TryParse(text[(scope.Length + 1)..], out var offset))
            {
                return offset;
            }
        }

        throw FakeEcrServiceError.InvalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid token'");
    }

    private static JsonObject RepositoryJson(FakeEcrRepository repository) => new()
    {
        ["repositoryArn"] = repository.Arn,
        ["registryId"] = FakeEcr.AccountId,
        ["repositoryName"] = repository.Name,
        ["repositoryUri"] = repository.Uri,
        ["createdAt"] = 1_600_000_000,
    };

    private static void WriteImageDetails(Utf8JsonWriter writer, FakeEcrRepository repository, List<FakeEcrImage> images)
    {
        writer.WriteStartArray();
        foreach (var image in images)
        {
            writer.WriteStartObject();
            writer.WriteString("registryId", FakeEcr.AccountId);
            writer.WriteString("repositoryName", repository.Name);
            writer.WriteString("imageDigest", image.Digest);
            writer.WriteNumber("imageSizeInBytes", image.SizeInBytes);
            WriteTime(writer, "imagePushedAt", image.PushedAt);
            writer.WriteString("imageManifestMediaType", image.MediaType);
            writer.WriteString("imageStatus", image.Status);

            // Like ECR, an image never archived, restored or pulled has none of these members.
            WriteTime(writer, "lastArchivedAt", image.LastArchivedAt);
            WriteTime(writer, "lastActivatedAt", image.LastActivatedAt);
            WriteTime(writer, "lastRecordedPullTime", image.LastRecordedPullTime);

            // Like ECR, an untagged image has no imageTags member at all.
            if (image.Tags.Count > 0)
            {
                writer.WriteStartArray("imageTags");
                foreach (var tag in image.Tags)
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
            }

            if (image.ArtifactMediaType is not null)
            {
                writer.WriteString("artifactMediaType", image.ArtifactMediaType);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // AWS JSON 1.1 timestamps: epoch seconds as a number.
    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteNumber(name, (decimal)(value - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerSecond);
        }
    }

    private static JsonObject ImageIdJson(string? tag, string? digest)
    {
        var json = new JsonObject();
        if (digest is not null)
        {
            json["imageDigest"] = digest;
        }

        if (tag is not null)
        {
            json["imageTag"] = tag;
        }

        return json;
    }

    private static JsonObject FailureJson(string? tag, string? digest, string code, string reason) => new()
    {
        ["imageId"] = ImageIdJson(tag, digest),
        ["failureCode"] = code,
        ["failureReason"] = reason,
    };
}
