using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Credentials, session tokens and request signatures never reach the console or the report, even at diagnostic
/// verbosity, even when the service echoes them back in an error (as AWS's SignatureDoesNotMatch does).
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed partial class SecretLeakTests(MotoServer server) : ResilienceTaskTest(server)
{
    private readonly string _accessKeyId = "ASIA" + RandomText("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    private readonly string _secretAccessKey = RandomText("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/", 40);
    private readonly string _sessionToken = "IQoJb3JpZ2luX2Vj" + RandomText("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/", 300);

    [Theory]
    [InlineData("--target=DeleteOldestImages", "--environment=automation-master")]
    [InlineData("--target=GetLatestImages", "--environment=automation-master")]
    public async Task Secrets_NeverAppear_AtDiagnosticVerbosity(params string[] task)
    {
        await SeedTwoEnvironmentsAsync();
        // The first request is throttled, so that a retry and a slowdown are logged too.
        Proxy.Decide = call => call.Operation == "DescribeRepositories" && call.Number == 1 ? ProxyAction.Throttle : ProxyAction.Forward;

        var result = await RunWithSecretsAsync([.. task, "--repository=api", "--verbosity=diagnostic"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("retry", result.StandardOutput, StringComparison.Ordinal);
        await AssertNoSecretAsync(result);
    }

    [Fact]
    public async Task Secrets_NeverAppear_WhenTheServiceEchoesTheSignedRequest()
    {
        await SeedTwoEnvironmentsAsync();
        // What AWS answers to a bad signature: the canonical request and the string to sign, token and signature included.
        Proxy.Answer = call => (HttpStatusCode.Forbidden, "text/xml", $"""
            <ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>
            <Message>The request signature we calculated does not match the signature you provided. The Canonical String for
            this request should have been 'POST / host:127.0.0.1 x-amz-security-token:{_sessionToken} x-amz-target:{call.Operation}'
            and the String-to-Sign 'AWS4-HMAC-SHA256 {call.Authorization}'</Message></Error></ErrorResponse>
            """);

        var result = await RunWithSecretsAsync(["--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--verbosity=diagnostic"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("SignatureDoesNotMatch", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        await AssertNoSecretAsync(result);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    private async Task AssertNoSecretAsync(ProcessResult result)
    {
        var signatures = Proxy.Log.Select(l => SignatureOf(l.Call.Authorization)).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(signatures);
        var outputs = new Dictionary<string, string>
        {
            ["stdout"] = result.StandardOutput,
            ["stderr"] = result.StandardError,
            ["report"] = File.Exists(ReportPath) ? await File.ReadAllTextAsync(ReportPath) : string.Empty,
        };
        foreach (var (name, text) in outputs)
        {
            Assert.False(text.Contains(_secretAccessKey, StringComparison.Ordinal), $"The secret access key is in {name}.");
            Assert.False(text.Contains(_sessionToken[..40], StringComparison.Ordinal), $"The session token is in {name}.");
            Assert.False(text.Contains(_accessKeyId, StringComparison.Ordinal), $"The access key id is in {name}.");
            Assert.All(signatures, s => Assert.False(text.Contains(s, StringComparison.Ordinal), $"A request signature is in {name}."));
        }
    }

    private Task<ProcessResult> RunWithSecretsAsync(string[] arguments) => Script.RunAsync(
        [.. arguments, $"--report={ReportPath}"],
        new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = Proxy.Endpoint,
            ["AWS_ACCESS_KEY_ID"] = _accessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = _secretAccessKey,
            ["AWS_SESSION_TOKEN"] = _sessionToken,
        });

    private static string? SignatureOf(string authorization) =>
        Signature().Match(authorization) is { Success: true } match ? match.Groups[1].Value : null;

    private static string RandomText(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);

    [GeneratedRegex("Signature=([0-9a-f]{64})")]
    private static partial Regex Signature();
}
