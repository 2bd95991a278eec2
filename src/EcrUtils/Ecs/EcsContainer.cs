namespace EcrUtils.Ecs;

/// <summary>A container of a running task.</summary>
/// <param name="Image">The image as the task definition gives it.</param>
/// <param name="ImageDigest">The manifest digest ECS resolved the image to, when it reports one (images from ECR).</param>
internal sealed record EcsContainer(string? Image, string? ImageDigest);
