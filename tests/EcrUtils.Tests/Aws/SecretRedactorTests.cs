using EcrUtils.Aws;

namespace EcrUtils.Tests.Aws;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/x, Signature=abc123", "abc123")]
    [InlineData("x-amz-security-token:FwoGZXIvYXdzEJr", "FwoGZXIvYXdzEJr")]
    [InlineData("X-Amz-Signature=deadbeef&X-Amz-Date=1", "deadbeef")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("secret wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYwJalrXUtnFEMI end", "wJalrXUtnFEMIK7MDENG")]
    public void Redact_RemovesSigningMaterial(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_KeepsOrdinaryMessages()
    {
        const string Message = "The repository with name 'team/api' does not exist in the registry with id '123456789012'";

        var redacted = SecretRedactor.Redact(Message);

        Assert.Equal(Message, redacted);
    }

    [Fact]
    public void Redact_ShortensLongMessages()
    {
        var redacted = SecretRedactor.Redact(string.Join(' ', Enumerable.Repeat("word", 400)));

        Assert.Equal(501, redacted.Length);
        Assert.EndsWith("…", redacted, StringComparison.Ordinal);
    }
}
