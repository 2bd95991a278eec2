using System.Net;

namespace EcrUtils.Aws;

/// <summary>
/// An error answer of an AWS service: the ECR API, or the ECS and Lambda APIs that the in-use check reads (one exception
/// type, so that the one resilience pipeline classifies every service's errors alike).
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception for an error answer.</summary>
    public AwsServiceException(string errorCode, string message, HttpStatusCode statusCode, string operation)
        : base($"{operation} failed: {errorCode}: {message}")
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Operation = operation;
        ServiceMessage = message;
    }

    /// <summary>The error code from <c>__type</c> without its namespace prefix, e.g. <c>ThrottlingException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>The service's own message.</summary>
    public string ServiceMessage { get; }

    /// <summary>
    /// Whether the caller's credentials or permissions were refused: no other call of the run can fare better, so such
    /// an error stops the run rather than one image or repository.
    /// </summary>
    public bool IsAccessDenied => ErrorCode is "AccessDeniedException" or "AccessDenied" or "UnrecognizedClientException"
        or "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredTokenException";
}
