using System.Text.Json.Nodes;

namespace EcrUtils.IntegrationTests;

/// <summary>IAM policy documents for moto's auth checks.</summary>
public static class IamPolicies
{
    /// <summary>Allows <paramref name="actions"/> (e.g. <c>ecr:DescribeImages</c>, <c>ecr:*</c>) on every resource.</summary>
    public static string Allow(params string[] actions)
    {
        // moto matches actions only, so a resource other than "*" would test nothing.
        var statement = new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. actions.Select(action => JsonValue.Create(action))]),
            ["Resource"] = "*",
        };
        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statement) }.ToJsonString();
    }
}
