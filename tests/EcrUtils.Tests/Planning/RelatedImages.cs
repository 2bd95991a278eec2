using System.Security.Cryptography;
using System.Text;
using EcrUtils.Ecr;
using EcrUtils.Planning;

namespace EcrUtils.Tests.Planning;

/// <summary>Repository snapshots with indexes, children and companions, for the multi-arch planning tests.</summary>
internal static class RelatedImages
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A real-looking digest derived from <paramref name="name"/> (companion tags need 64 hex digits).</summary>
    public static string Digest(string name) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    public static EcrImage Plain(string name, int minute, params string[] tags) =>
        new(Digest(name), tags, s_start.AddMinutes(minute), 1_000, ManifestIndex.OciManifestMediaType);

    public static EcrImage Index(string name, int minute, params string[] tags) =>
        new(Digest(name), tags, s_start.AddMinutes(minute), 500, ManifestIndex.OciIndexMediaType);

    public static EcrImage Child(string name, int minute, params string[] tags) => Plain(name, minute, tags);

    public static EcrImage Signature(string ofName, int minute, string kind = "sig") =>
        Plain($"{kind}-of-{ofName}", minute, CompanionTags.For(Digest(ofName), kind));

    public static IndexCatalog Catalog(params (string Index, string[] Children)[] indexes) =>
        new(indexes.ToDictionary(i => Digest(i.Index), i => (IReadOnlyList<string>)[.. i.Children.Select(Digest)]));
}
