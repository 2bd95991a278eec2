namespace EcrUtils.IntegrationTests;

/// <summary>What <see cref="FaultProxy"/> does with one request.</summary>
public enum ProxyAction
{
    /// <summary>Passes the request to moto and its answer back.</summary>
    Forward,

    /// <summary>Answers HTTP 400 ThrottlingException, as ECR does when a caller is too fast; moto never sees the request.</summary>
    Throttle,

    /// <summary>Answers HTTP 500; moto never sees the request.</summary>
    ServerError,

    /// <summary>Drops the connection without an answer; moto never sees the request.</summary>
    ResetBeforeSending,

    /// <summary>Passes the request to moto, then drops the connection: the request took effect, its answer is lost.</summary>
    ResetAfterApplying,

    /// <summary>Answers nothing for longer than any attempt may take; moto never sees the request.</summary>
    Hang,

    /// <summary>Passes the request to moto, then answers nothing for longer than any attempt may take.</summary>
    HangAfterApplying,
}
