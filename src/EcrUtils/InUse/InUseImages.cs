namespace EcrUtils.InUse;

/// <summary>What the in-use check found: the ECR images that ECS and Lambda use, and what it read to find them.</summary>
/// <param name="Uses">Every reference to an image of a private ECR registry, with its user.</param>
/// <param name="EcsClusters">ECS clusters read.</param>
/// <param name="EcsServices">ECS services read.</param>
/// <param name="EcsTasks">Running ECS tasks read.</param>
/// <param name="LambdaFunctions">Lambda functions deployed as container images read.</param>
public sealed record InUseImages(IReadOnlyList<ImageUse> Uses, int EcsClusters, int EcsServices, int EcsTasks, int LambdaFunctions)
{
    /// <summary>Nothing in use, nothing read.</summary>
    public static InUseImages None { get; } = new([], 0, 0, 0, 0);
}
