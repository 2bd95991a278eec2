namespace EcrUtils.Aws;

/// <summary>
/// An AWS service EcrUtils calls: the name requests are signed for, the variable that overrides its endpoint, and the
/// first label of its regional endpoint host.
/// </summary>
internal sealed record AwsService(string DisplayName, string SigningName, string EndpointVariable, string HostPrefix)
{
    public static AwsService Ecr { get; } = new("ECR", "ecr", AwsEnvironmentVariables.EcrEndpointUrl, "api.ecr");

    public static AwsService Ecs { get; } = new("ECS", "ecs", AwsEnvironmentVariables.EcsEndpointUrl, "ecs");

    public static AwsService Lambda { get; } = new("Lambda", "lambda", AwsEnvironmentVariables.LambdaEndpointUrl, "lambda");
}
