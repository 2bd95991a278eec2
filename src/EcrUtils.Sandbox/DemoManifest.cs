using System.Security.Cryptography;
using System.Text;

namespace EcrUtils.Sandbox;

/// <summary>A manifest as pushed: its exact JSON text and media type; the digest is the sha256 of those bytes, as in a registry.</summary>
internal sealed record DemoManifest(string Json, string MediaType)
{
    public string Digest { get; } = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));

    public int Size => Encoding.UTF8.GetByteCount(Json);
}
