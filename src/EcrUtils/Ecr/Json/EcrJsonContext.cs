using System.Text.Json.Serialization;

namespace EcrUtils.Ecr.Json;

// Field names follow the ECR API reference: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeRepositoriesRequest))]
[JsonSerializable(typeof(DescribeRepositoriesResponse))]
[JsonSerializable(typeof(ListTagsForResourceRequest))]
[JsonSerializable(typeof(ListTagsForResourceResponse))]
[JsonSerializable(typeof(DescribeImagesRequest))]
[JsonSerializable(typeof(DescribeImagesResponse))]
[JsonSerializable(typeof(BatchGetImageRequest))]
[JsonSerializable(typeof(BatchGetImageResponse))]
[JsonSerializable(typeof(BatchDeleteImageRequest))]
[JsonSerializable(typeof(BatchDeleteImageResponse))]
[JsonSerializable(typeof(UpdateImageStorageClassRequest))]
[JsonSerializable(typeof(UpdateImageStorageClassResponse))]
internal sealed partial class EcrJsonContext : JsonSerializerContext;
