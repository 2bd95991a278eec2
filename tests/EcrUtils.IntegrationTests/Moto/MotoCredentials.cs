namespace EcrUtils.IntegrationTests;

/// <summary>An access key of an IAM user that moto created for a test.</summary>
public sealed record MotoCredentials(string UserName, string AccessKeyId, string SecretAccessKey);
