using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>What boto3 got back: a response, or an error code and HTTP status.</summary>
internal sealed record BotoResult(bool Ok, string? Code, int? Status, JsonElement? Response);
