using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using EcrUtils.Options;

namespace EcrUtils.InUse;

/// <summary>
/// A reference to an image of a private ECR registry, as ECS task definitions and Lambda functions give it:
/// <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:tag</c> or <c>…/team/api@sha256:…</c>; or, as the in-use
/// file may give it, without the registry: <c>team/api:tag</c>, an image of the registry the run works on.
/// </summary>
/// <param name="AccountId">The registry's AWS account id; null for the registry the run works on.</param>
/// <param name="Region">The registry's region; null for the registry the run works on.</param>
/// <param name="Repository">The repository name, e.g. <c>team/api</c>.</param>
/// <param name="Tag">The tag; <c>latest</c> when the reference names neither tag nor digest, as Docker reads it.</param>
/// <param name="Digest">The manifest digest; when set, it decides which image is meant, whatever the tag.</param>
public sealed partial record ImageReference(string? AccountId, string? Region, string Repository, string? Tag, string? Digest)
{
    private const string ImpliedTag = "latest";

    /// <summary>
    /// Reads <paramref name="text"/> as a reference to an image of a private ECR registry. References to other
    /// registries (Docker Hub, ECR Public, any other host) and malformed references give false.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = null;
        if (string.IsNullOrEmpty(text) || text.Length > 1024)
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0
            && TryParseRegistryHost(text[..slash], out var accountId, out var region)
            && TryParseName(text[(slash + 1)..], accountId, region, out reference);
    }

    /// <summary>
    /// Reads <paramref name="text"/> as a reference without a registry host, to an image of the registry the run works
    /// on: <c>repo:tag</c>, <c>repo@sha256:…</c> (with or without a tag before it) or <c>repo</c> alone, which means
    /// <c>repo:latest</c> as Docker reads it. Whether a first part is a registry host is the caller's to decide.
    /// </summary>
    public static bool TryParseName(string? text, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = null;
        return !string.IsNullOrEmpty(text) && text.Length <= 1024 && TryParseName(text, null, null, out reference);
    }

    private static bool TryParseName(string rest, string? accountId, string? region, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = null;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                return false;
            }
        }

        // Repository names hold no colon, so the last one starts the tag.
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                return false;
            }
        }

        if (!ArgumentFormats.IsRepositoryName(rest))
        {
            return false;
        }

        reference = new ImageReference(accountId, region, rest, tag ?? (digest is null ? ImpliedTag : null), digest);
        return true;
    }

    /// <summary>
    /// Reads the host of a private ECR registry: <c>ACCOUNT.dkr.ecr.REGION.amazonaws.com</c> (<c>.com.cn</c> in China),
    /// its FIPS form <c>dkr.ecr-fips</c>, and the dual-stack form <c>ACCOUNT.dkr-ecr.REGION.on.aws</c>.
    /// </summary>
    public static bool TryParseRegistryHost(string? host, [NotNullWhen(true)] out string? accountId, [NotNullWhen(true)] out string? region)
    {
        accountId = null;
        region = null;
        // Host names are case-insensitive.
        var match = host is null ? Match.Empty : RegistryHost().Match(host.ToLowerInvariant());
        if (!match.Success)
        {
            return false;
        }

        accountId = match.Groups["account"].Value;
        region = match.Groups["region"].Value;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a manifest digest as ECR computes them, <c>sha256:</c> and 64 hex digits.</summary>
    public static bool IsDigest([NotNullWhen(true)] string? text) => text is not null && DigestPattern().IsMatch(text);

    /// <summary>
    /// Whether this reference names an image of <paramref name="repository"/> in the registry of that account and
    /// region (any region when <paramref name="region"/> is null). A reference without a registry names an image of
    /// whichever registry the run works on.
    /// </summary>
    public bool IsIn(string accountId, string? region, string repository) =>
        IsInRegistry(accountId, region) && string.Equals(Repository, repository, StringComparison.Ordinal);

    /// <summary>
    /// Whether this reference names an image of the registry of that account and region (any region when
    /// <paramref name="region"/> is null), or names no registry.
    /// </summary>
    public bool IsInRegistry(string accountId, string? region) =>
        (AccountId is null || string.Equals(AccountId, accountId, StringComparison.Ordinal))
        && (Region is null || region is null || string.Equals(Region, region, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        $"{(AccountId is null ? string.Empty : $"{AccountId}.dkr.ecr.{Region}.amazonaws.com/")}{Repository}{(Tag is null ? string.Empty : ":" + Tag)}{(Digest is null ? string.Empty : "@" + Digest)}";

    [GeneratedRegex(
        @"\A(?<account>[0-9]{12})\.(?:dkr\.ecr(?:-fips)?\.(?<region>[a-z]{2}(?:-[a-z]+)+-[0-9]+)\.amazonaws\.com(?:\.cn)?|dkr-ecr(?:-fips)?\.(?<region>[a-z]{2}(?:-[a-z]+)+-[0-9]+)\.on\.aws)\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex RegistryHost();

    // Docker's tag grammar: https://github.com/distribution/reference/blob/main/reference.go
    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TagPattern();

    // ECR computes sha256 digests only.
    [GeneratedRegex(@"\Asha256:[a-f0-9]{64}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DigestPattern();
}
