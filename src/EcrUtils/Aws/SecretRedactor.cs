using System.Text.RegularExpressions;

namespace EcrUtils.Aws;

/// <summary>
/// Removes signing material from text that came back from the service before it reaches an exception message:
/// AWS's SignatureDoesNotMatch answer echoes the canonical request, which can hold the session token.
/// </summary>
internal static partial class SecretRedactor
{
    private const int MaxLength = 500;

    public static string Redact(string text)
    {
        var redacted = AuthorizationHeader().Replace(text, "AWS4-HMAC-SHA256 [redacted]");
        redacted = NamedSecret().Replace(redacted, "$1=[redacted]");
        redacted = AccessKeyId().Replace(redacted, "[redacted key id]");
        redacted = LongToken().Replace(redacted, "[redacted]");
        return redacted.Length <= MaxLength ? redacted : string.Concat(redacted.AsSpan(0, MaxLength), "…");
    }

    [GeneratedRegex(@"AWS4-HMAC-SHA256[^\r\n'""]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(
        @"(x-amz-security-token|x-amz-signature|x-amz-credential|signature|credential|authorization|token)\s*[:=]\s*[^\s,;'""&]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AccessKeyId();

    // Session tokens and secrets are long base64 strings; nothing an error message needs looks like that.
    [GeneratedRegex("[A-Za-z0-9+/=]{80,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LongToken();
}
