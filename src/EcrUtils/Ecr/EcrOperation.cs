namespace EcrUtils.Ecr;

/// <summary>The names of the ECR operations the client calls, as they appear in <c>X-Amz-Target</c>.</summary>
internal static class EcrOperation
{
    public const string DescribeRepositories = nameof(DescribeRepositories);
    public const string ListTagsForResource = nameof(ListTagsForResource);
    public const string DescribeImages = nameof(DescribeImages);
    public const string BatchGetImage = nameof(BatchGetImage);
    public const string BatchDeleteImage = nameof(BatchDeleteImage);
    public const string UpdateImageStorageClass = nameof(UpdateImageStorageClass);
}
