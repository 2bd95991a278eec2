using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EcrUtils.Planning;

/// <summary>
/// Cosign-style companion tags: a signature, attestation or SBOM of the image with digest <c>sha256:&lt;hex&gt;</c> is
/// stored as its own image under the tag <c>sha256-&lt;hex&gt;.sig</c>, <c>.att</c> or <c>.sbom</c>:
/// https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md
/// </summary>
public static partial class CompanionTags
{
    /// <summary>
    /// Whether <paramref name="tag"/> is a companion tag; if so, <paramref name="subjectDigest"/> is the digest of the
    /// image it belongs to, <c>sha256:&lt;hex&gt;</c>.
    /// </summary>
    public static bool TryGetSubject(string tag, [NotNullWhen(true)] out string? subjectDigest)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!tag.StartsWith("sha256-", StringComparison.Ordinal))
        {
            // Most tags; checked before the regex because every tag of a repository is asked about.
            subjectDigest = null;
            return false;
        }

        var match = CompanionTag().Match(tag);
        subjectDigest = match.Success ? "sha256:" + match.Groups["hex"].Value : null;
        return match.Success;
    }

    /// <summary>The companion tag of <paramref name="digest"/> of the given kind (<c>sig</c>, <c>att</c> or <c>sbom</c>).</summary>
    public static string For(string digest, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return $"{digest.Replace(':', '-')}.{kind}";
    }

    // Digests are lower-case hex (https://github.com/opencontainers/image-spec/blob/main/descriptor.md#sha-256).
    [GeneratedRegex("^sha256-(?<hex>[0-9a-f]{64})\\.(sig|att|sbom)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CompanionTag();
}
