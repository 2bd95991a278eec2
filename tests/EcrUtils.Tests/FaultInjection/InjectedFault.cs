namespace EcrUtils.Tests.FaultInjection;

/// <summary>What <see cref="FaultInjectingHandler"/> does to one request.</summary>
internal enum InjectedFault
{
    /// <summary>Passes the request on and returns the answer.</summary>
    None,

    /// <summary>Answers HTTP 400 ThrottlingException without passing the request on.</summary>
    Throttling,

    /// <summary>Answers HTTP 500 without passing the request on.</summary>
    ServerError,

    /// <summary>The connection is reset before the request gets through.</summary>
    ResetBeforeSending,

    /// <summary>The request is carried out, then the connection is reset: the answer is lost.</summary>
    ResetAfterApplying,

    /// <summary>No answer until the attempt times out.</summary>
    Hang,

    /// <summary>The request is carried out, then nothing comes back until the attempt times out.</summary>
    HangAfterApplying,
}
