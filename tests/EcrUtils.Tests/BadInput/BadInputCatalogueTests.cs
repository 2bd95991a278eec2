using EcrUtils.Options;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.BadInput;

/// <summary>
/// Hostile and malformed inputs: each ends in a message that names the culprit and says what to do, the documented
/// exit code, and not one deleting call.
/// </summary>
public sealed class BadInputCatalogueTests : IDisposable
{
    private const EcrTask Oldest = EcrTask.DeleteOldestImages;
    private const EcrTask All = EcrTask.DeleteAllImages;
    private const EcrTask Latest = EcrTask.GetLatestImages;
    private const string Env = "--environment=automation-master";
    private const string Api = "--repository=api";
    private const int Usage = ExitCodes.UsageError;

    // A tag and a repository name on which nested quantifiers backtrack for far longer than the match timeout.
    private const string BacktrackingTag = "automation-master-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
    private const string BacktrackingRepository = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";

    private static readonly string[] s_instructions =
        ["must ", "takes ", "pass ", "remove ", "use ", "fix ", "simplify ", "check ", "did you mean", "separate "];

    private static readonly Dictionary<string, BadInput> s_catalogue = new(StringComparer.Ordinal)
    {
        ["environment missing"] = new(Oldest, [Api], Usage, "--environment"),
        ["environment empty"] = new(Oldest, ["--environment=", Api], Usage, "--environment"),
        ["environment whitespace"] = new(Oldest, ["--environment=   ", Api], Usage, "--environment"),
        ["environment with regex metacharacters"] = new(Oldest, ["--environment=automation.*", Api], Usage, "--environment"),
        ["environment with a group and alternation"] = new(All, ["--environment=(a|b)", Api, "--confirm=(a|b)"], Usage, "--environment"),
        ["environment in unicode"] = new(Oldest, ["--environment=automätion", Api], Usage, "--environment"),
        ["environment with a right-to-left override"] = new(Oldest, ["--environment=master\u202Etxt", Api], Usage, "--environment"),
        ["environment of 300 characters"] = new(Oldest, ["--environment=" + new string('a', 300), Api], Usage, "126"),
        ["environment starting with a dash"] = new(Oldest, ["--environment=-master", Api], Usage, "--environment"),
        ["environment with a slash"] = new(Oldest, ["--environment=team/master", Api], Usage, "--environment"),
        ["environment given twice"] = new(Oldest, [Env, "--environment=automation-main", Api], Usage, "--environment"),
        ["repository empty"] = new(Oldest, [Env, "--repository="], Usage, "--repository"),
        ["repository list with an empty entry"] = new(Oldest, [Env, "--repository=api,,web"], Usage, "--repository"),
        ["repository in upper case"] = new(Oldest, [Env, "--repository=API"], Usage, "--repository"),
        ["repository with regex metacharacters"] = new(Oldest, [Env, "--repository=api.*"], Usage, "--repository"),
        ["repository in unicode"] = new(Oldest, [Env, "--repository=äpi"], Usage, "--repository"),
        ["repository of 300 characters"] = new(Oldest, [Env, "--repository=" + new string('a', 300)], Usage, "--repository"),
        ["repository that does not exist"] = new(Oldest, [Env, "--repository=api,nope"], Usage, "nope"),
        ["repository and all repositories"] = new(Oldest, [Env, Api, "--all-repositories"], Usage, "--all-repositories"),
        ["no repository scope"] = new(Oldest, [Env], Usage, "--repository"),
        ["excluded repository invalid"] = new(Oldest, [Env, "--all-repositories", "--exclude-repository=Bad_Name!"], Usage, "--exclude-repository"),
        ["keep zero"] = new(Oldest, [Env, Api, "--keep=0"], Usage, "--keep"),
        ["keep negative"] = new(Oldest, [Env, Api, "--keep=-1"], Usage, "--keep"),
        ["keep not a number"] = new(Oldest, [Env, Api, "--keep=abc"], Usage, "--keep"),
        ["keep a fraction"] = new(Oldest, [Env, Api, "--keep=1.5"], Usage, "--keep"),
        ["keep with a plus sign"] = new(Oldest, [Env, Api, "--keep=+3"], Usage, "--keep"),
        ["keep beyond a 32-bit number"] = new(Oldest, [Env, Api, "--keep=99999999999"], Usage, "--keep"),
        ["keep for DeleteAllImages"] = new(All, [Env, Api, "--confirm=automation-master", "--keep=3"], Usage, "--keep"),
        ["tag pattern without the placeholder"] = new(Oldest, [Env, Api, "--tag-pattern=^release-[0-9]+$"], Usage, "{environment}"),
        ["tag pattern that does not compile"] = new(Oldest, [Env, Api, "--tag-pattern=^{environment}-("], Usage, "--tag-pattern"),
        ["tag pattern empty"] = new(Oldest, [Env, Api, "--tag-pattern="], Usage, "--tag-pattern"),
        ["floating tag pattern that does not compile"] = new(Oldest, [Env, Api, "--floating-tag-pattern=["], Usage, "--floating-tag-pattern"),
        ["protect tag pattern that does not compile"] = new(Oldest, [Env, Api, "--protect-tag=("], Usage, "--protect-tag"),
        ["repository pattern that does not compile"] = new(Oldest, [Env, "--all-repositories", "--repository-pattern=[a-"], Usage, "--repository-pattern"),
        ["catastrophically backtracking tag pattern"] = new(Oldest, [Env, Api, "--tag-pattern=^{environment}-(a+)+$"], ExitCodes.PartialFailure, "--tag-pattern"),
        ["catastrophically backtracking protect pattern"] = new(Oldest, [Env, Api, "--protect-tag=^automation-master-(a+)+$"], ExitCodes.PartialFailure, "--protect-tag"),
        ["catastrophically backtracking repository pattern"] = new(Oldest, [Env, "--all-repositories", "--repository-pattern=^(a+)+$"], Usage, "--repository-pattern"),
        ["DeleteAllImages without confirmation"] = new(All, [Env, Api], Usage, "--confirm"),
        ["DeleteAllImages confirming another environment"] = new(All, [Env, Api, "--confirm=automation-main"], Usage, "--confirm"),
        ["confirmation for DeleteOldestImages"] = new(Oldest, [Env, Api, "--confirm=automation-master"], Usage, "--confirm"),
        ["fallback environment for DeleteOldestImages"] = new(Oldest, [Env, Api, "--fallback-environment=production"], Usage, "--fallback-environment"),
        ["fallback environment invalid"] = new(Latest, [Env, Api, "--fallback-environment=prod uction"], Usage, "--fallback-environment"),
        ["preview neither true nor false"] = new(Oldest, [Env, Api, "--preview=maybe"], Usage, "--preview"),
        ["preview both true and false"] = new(Oldest, [Env, Api, "--preview=true", "--preview=false"], Usage, "--preview"),
        ["misspelt environment"] = new(Oldest, ["--enviroment=automation-master", Api], Usage, "--environment"),
        ["misspelt keep"] = new(Oldest, [Env, Api, "--keeep=5"], Usage, "--keep"),
        ["misspelt all repositories"] = new(Oldest, [Env, "--all-repository"], Usage, "--all-repositories"),
        ["abbreviated repository"] = new(Oldest, [Env, "--repo=api"], Usage, "--repo"),
        ["dry run spelt as elsewhere"] = new(Oldest, [Env, Api, "--dry-run"], Usage, "--preview"),
        ["repository tag without a value"] = new(Oldest, [Env, "--all-repositories", "--repository-tag=Project"], Usage, "--repository-tag"),
        ["repository tag without a key"] = new(Oldest, [Env, "--all-repositories", "--repository-tag==automation"], Usage, "--repository-tag"),
        ["repository tag with an empty value"] = new(Oldest, [Env, "--all-repositories", "--repository-tag=Project="], Usage, "--repository-tag"),
        ["repository tag of only a separator"] = new(Oldest, [Env, "--all-repositories", "--repository-tag=="], Usage, "--repository-tag"),
        ["region in upper case"] = new(Oldest, [Env, Api, "--region=EU-WEST-1"], Usage, "--region"),
        ["region without its number"] = new(Oldest, [Env, Api, "--region=eu-west"], Usage, "--region"),
        ["registry id too short"] = new(Oldest, [Env, Api, "--registry-id=12345"], Usage, "--registry-id"),
        ["registry id with a letter"] = new(Oldest, [Env, Api, "--registry-id=12345678901a"], Usage, "--registry-id"),
        ["max parallel zero"] = new(Oldest, [Env, Api, "--max-parallel=0"], Usage, "--max-parallel"),
        ["max parallel too high"] = new(Oldest, [Env, Api, "--max-parallel=33"], Usage, "--max-parallel"),
        ["max retries negative"] = new(Oldest, [Env, Api, "--max-retries=-1"], Usage, "--max-retries"),
        ["max retries not a number"] = new(Oldest, [Env, Api, "--max-retries=many"], Usage, "--max-retries"),
        ["request timeout zero"] = new(Oldest, [Env, Api, "--request-timeout=0"], Usage, "--request-timeout"),
        ["request timeout too long"] = new(Oldest, [Env, Api, "--request-timeout=9999"], Usage, "--request-timeout"),
        ["report path empty"] = new(Oldest, [Env, Api, "--report="], Usage, "--report"),
        ["in-use file path empty"] = new(Oldest, [Env, Api, "--in-use-file="], Usage, "--in-use-file"),
        ["in-use file for GetLatestImages"] = new(Latest, [Env, Api, "--in-use-file=in-use.txt"], Usage, "--in-use-file"),
        ["endpoint that is not a URL"] = new(Oldest, [Env, Api], Usage, "AWS_ENDPOINT_URL", EndpointUrl: "not a url"),
        ["endpoint with another scheme"] = new(Oldest, [Env, Api], Usage, "AWS_ENDPOINT_URL", EndpointUrl: "ftp://127.0.0.1/"),
        ["endpoint that is relative"] = new(Oldest, [Env, Api], Usage, "AWS_ENDPOINT_URL", EndpointUrl: "/ecr"),
        ["endpoint with a password"] = new(Oldest, [Env, Api], Usage, "AWS_ENDPOINT_URL", EndpointUrl: "http://user:hunter2@127.0.0.1:9/"),
        ["endpoint that is unreachable"] = new(Oldest, [Env, Api], ExitCodes.Failure, "127.0.0.1", EndpointUrl: BadInput.UnreachableEndpoint),
        ["endpoint that is unreachable for GetLatestImages"] = new(Latest, [Env, Api, "--max-retries=2"], ExitCodes.Failure, "127.0.0.1", EndpointUrl: BadInput.UnreachableEndpoint),
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("ecrutils-bad-input-").FullName;

    public static TheoryData<string> Cases() => [.. s_catalogue.Keys];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Catalogue_HoldsAtLeastFortyInputs() => Assert.InRange(s_catalogue.Count, 40, int.MaxValue);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_EndsWithAClearMessage_TheDocumentedExitCode_AndNoDeletion(string name)
    {
        var input = s_catalogue[name];
        var ecr = Registry();

        var (exitCode, message) = await BadInputRunner.RunAsync(input, ecr, Path.Combine(_folder, "report.json"));

        Assert.True(exitCode == input.ExitCode, $"Exit code {exitCode}, expected {input.ExitCode}: {message}");
        Assert.Contains(input.Mentions, message, StringComparison.Ordinal);
        Assert.True(
            input.EndpointUrl == BadInput.UnreachableEndpoint || s_instructions.Any(i => message.Contains(i, StringComparison.OrdinalIgnoreCase)),
            $"The message does not say what to do: {message}");
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
        Assert.Equal(0, ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(16, ecr.Images("api").Sum(i => i.Tags.Count));
    }

    // Every input above would delete something if it were taken for a valid one.
    private static FakeEcr Registry()
    {
        var ecr = new FakeEcr();
        var start = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        ecr.AddRepository("api");
        ecr.AddRepository("web");
        ecr.AddRepository(BacktrackingRepository);
        for (var i = 1; i <= 12; i++)
        {
            ecr.AddImage("api", FakeEcr.Digest($"api-{i}"), [$"automation-master-{i}"], start.AddMinutes(i));
            ecr.AddImage("web", FakeEcr.Digest($"web-{i}"), [$"automation-master-{i}"], start.AddMinutes(i));
        }

        // The oldest, so that every rule is asked about it before it would be deleted.
        ecr.AddImage("api", FakeEcr.Digest("api-backtracking"), [BacktrackingTag], start);
        ecr.AddImage("api", FakeEcr.Digest("api-shared"), ["automation-master-14", "automation-main-1", "production-1"], start.AddMinutes(14));
        return ecr;
    }
}
