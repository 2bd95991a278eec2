namespace EcrUtils.Ecr;

/// <summary>An ECR repository.</summary>
/// <param name="Name">The repository name, e.g. <c>team/api</c>.</param>
/// <param name="Arn">The repository ARN.</param>
/// <param name="RegistryId">The AWS account id of the registry.</param>
/// <param name="Uri">The repository URI, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api</c>.</param>
public sealed record EcrRepository(string Name, string Arn, string RegistryId, string Uri);
