namespace EcrUtils.IntegrationTests;

/// <summary>One request that reached <see cref="FaultProxy"/>.</summary>
/// <param name="Operation">The ECR operation, from X-Amz-Target (empty for other requests).</param>
/// <param name="Number">Its number among the proxy's requests of that operation, from 1.</param>
/// <param name="Body">The request body.</param>
/// <param name="Authorization">The Authorization header, signature included.</param>
public sealed record ProxiedCall(string Operation, int Number, string Body, string Authorization);
