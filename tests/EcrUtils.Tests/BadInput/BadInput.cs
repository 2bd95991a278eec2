using EcrUtils.Options;

namespace EcrUtils.Tests.BadInput;

/// <summary>A hostile or malformed input and what it must end in.</summary>
/// <param name="Task">The task run.</param>
/// <param name="Arguments">The arguments, as on the command line.</param>
/// <param name="ExitCode">The documented exit code it must end with.</param>
/// <param name="Mentions">What the message must name, so that the reader finds the culprit.</param>
/// <param name="EndpointUrl">
/// AWS_ENDPOINT_URL; null for the fake registry, <see cref="UnreachableEndpoint"/> for a loopback port where nothing listens
/// (the host then adds what to do to the transport's message; BadInputScriptTests checks that through ./build.sh).
/// </param>
internal sealed record BadInput(EcrTask Task, string[] Arguments, int ExitCode, string Mentions, string? EndpointUrl = null)
{
    public const string UnreachableEndpoint = "unreachable";
}
