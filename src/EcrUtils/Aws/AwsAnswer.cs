using System.Net;

namespace EcrUtils.Aws;

/// <summary>A successful answer of an AWS JSON service, not parsed yet.</summary>
internal readonly record struct AwsAnswer(HttpStatusCode StatusCode, byte[] Body);
