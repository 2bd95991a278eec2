namespace EcrUtils.Ecs;

/// <summary>A task definition and the images of its containers.</summary>
internal sealed record EcsTaskDefinition(string Arn, IReadOnlyList<string> Images);
