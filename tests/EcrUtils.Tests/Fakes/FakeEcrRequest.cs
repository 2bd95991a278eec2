using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>Reads and checks the members of one request body; protocol mistakes are contract violations.</summary>
internal sealed class FakeEcrRequest(FakeEcr ecr, FakeEcrCall call)
{
    private static readonly HashSet<string> s_tagStatuses = ["TAGGED", "UNTAGGED", "ANY"];
    private static readonly HashSet<string> s_imageStatuses = ["ACTIVE", "ARCHIVED", "ACTIVATING", "ANY"];

    public JsonObject Body => call.Body;

    public void AllowOnly(IReadOnlyCollection<string> names)
    {
        foreach (var (name, value) in Body)
        {
            if (!names.Contains(name))
            {
                throw ecr.Violation($"{call.Operation} has no member '{name}'.");
            }

            if (value is null)
            {
                throw ecr.Violation($"{call.Operation} sent null for '{name}': leave the member out instead.");
            }
        }
    }

    public string? OptionalString(string name) => Body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0 => value.GetValue<string>(),
        _ => throw ecr.Violation($"{call.Operation}: '{name}' must be a non-empty string."),
    };

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw FakeEcrServiceError.Validation($"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");

    public IReadOnlyList<string>? Strings(string name) => Body[name] switch
    {
        null => null,
        JsonArray array => [.. array.Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw ecr.Violation($"{call.Operation}: '{name}' must hold strings only."))],
        _ => throw ecr.Violation($"{call.Operation}: '{name}' must be an array."),
    };

    public int? MaxResults()
    {
        if (Body["maxResults"] is not { } node)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<int>(out var maxResults))
        {
            throw ecr.Violation($"{call.Operation}: maxResults must be a whole JSON number.");
        }

        return maxResults is >= 1 and <= FakeEcrApi.MaxPageSize
            ? maxResults
            : throw FakeEcrServiceError.Validation(
                $"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: "
                + $"Member must have value between 1 and {FakeEcrApi.MaxPageSize}");
    }

    public void CheckRegistry()
    {
        if (OptionalString("registryId") is { } registryId && registryId != FakeEcr.AccountId)
        {
            throw new FakeEcrServiceError("RepositoryNotFoundException", $"The registry with id '{registryId}' is not the fake's.");
        }
    }

    public FakeEcrRepository Repository()
    {
        var name = RequiredString("repositoryName");
        return ecr.Repositories.SingleOrDefault(r => r.Name == name) ?? throw new FakeEcrServiceError(
            "RepositoryNotFoundException",
            $"The repository with name '{name}' does not exist in the registry with id '{FakeEcr.AccountId}'");
    }

    public (string TagStatus, string ImageStatus) ImagesFilter()
    {
        if (Body["filter"] is null)
        {
            return ("ANY", "ACTIVE");
        }

        if (Body["filter"] is not JsonObject filter || filter.Any(p => p.Key is not ("tagStatus" or "imageStatus")))
        {
            throw ecr.Violation($"{call.Operation}: filter may hold only tagStatus and imageStatus.");
        }

        var tagStatus = filter["tagStatus"]?.GetValue<string>() ?? "ANY";
        var imageStatus = filter["imageStatus"]?.GetValue<string>() ?? "ACTIVE";
        return s_tagStatuses.Contains(tagStatus) && s_imageStatuses.Contains(imageStatus)
            ? (tagStatus, imageStatus)
            : throw FakeEcrServiceError.Validation($"Invalid filter: tagStatus '{tagStatus}', imageStatus '{imageStatus}'.");
    }

    /// <summary>The one image id of <c>imageId</c>; neither tag nor digest when the object is empty.</summary>
    public (string? Tag, string? Digest) ImageId() =>
        Body["imageId"] is { } id
            ? ReadImageId(id)
            : throw FakeEcrServiceError.Validation("1 validation error detected: Value null at 'imageId' failed to satisfy constraint: Member must not be null");

    /// <summary>The image ids, 1 to 100 of them; an id with both tag and digest is refused outright.</summary>
    public IReadOnlyList<(string? Tag, string? Digest)> ImageIds()
    {
        if (Body["imageIds"] is not JsonArray ids)
        {
            throw FakeEcrServiceError.Validation("1 validation error detected: Value null at 'imageIds' failed to satisfy constraint: Member must not be null");
        }

        if (ids.Count is 0 or > FakeEcrApi.MaxBatchSize)
        {
            throw FakeEcrServiceError.Validation(
                $"1 validation error detected: Value at 'imageIds' failed to satisfy constraint: Member must have length "
                + $"between 1 and {FakeEcrApi.MaxBatchSize} (got {ids.Count})");
        }

        return [.. ids.Select(ReadImageId)];
    }

    private (string? Tag, string? Digest) ReadImageId(JsonNode? node)
    {
        if (node is not JsonObject id || id.Any(p => p.Key is not ("imageTag" or "imageDigest") || p.Value is null))
        {
            throw ecr.Violation($"{call.Operation}: an image id holds only imageTag or imageDigest strings.");
        }

        var tag = id["imageTag"]?.GetValue<string>();
        var digest = id["imageDigest"]?.GetValue<string>();
        if (tag is not null && digest is not null)
        {
            // AWS documents "either"; moto then deletes the whole image with all its tags.
            throw ecr.Violation($"{call.Operation} sent an image id with both imageTag '{tag}' and imageDigest '{digest}'.");
        }

        return (tag, digest);
    }
}
