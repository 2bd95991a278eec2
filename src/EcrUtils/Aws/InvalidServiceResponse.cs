using System.Net;

namespace EcrUtils.Aws;

/// <summary>The error for an answer that is not what the service sends, e.g. from an endpoint that is another service.</summary>
internal static class InvalidServiceResponse
{
    public static AwsServiceException Create(AwsService service, string operation, HttpStatusCode statusCode, string problem) => new(
        "InvalidResponse",
        $"the answer (HTTP {(int)statusCode}) is not what {service.DisplayName} sends: {problem}. Check that the endpoint "
            + $"({service.EndpointVariable} or {AwsEnvironmentVariables.EndpointUrl}, if set) points at Amazon {service.DisplayName}.",
        statusCode,
        operation);
}
