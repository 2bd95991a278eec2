using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class EcrOptionsParserTests
{
    public static TheoryData<string[], Func<EcrOptions, object?>, object?> GoodArguments => new()
    {
        { ["environment=automation-master"], o => o.Environment, "automation-master" },
        { ["ENVIRONMENT=am"], o => o.Environment, "am" },
        { ["environment=  am  "], o => o.Environment, "am" },
        { ["repository=api"], o => Join(o.Repositories), "api" },
        { ["repository=api,web"], o => Join(o.Repositories), "api,web" },
        { ["repository= api , web ", "repository=worker"], o => Join(o.Repositories), "api,web,worker" },
        { ["repository=api", "Repository=api,web"], o => Join(o.Repositories), "api,web" },
        { ["repository=team/api-v2.1_x"], o => Join(o.Repositories), "team/api-v2.1_x" },
        { ["exclude-repository=legacy,team/old"], o => Join(o.ExcludeRepositories), "legacy,team/old" },
        { ["all-repositories"], o => o.AllRepositories, true },
        { ["all-repositories=TRUE"], o => o.AllRepositories, true },
        { ["all-repositories="], o => o.AllRepositories, true },
        { ["all-repositories=false"], o => o.AllRepositories, false },
        { [], o => o.AllRepositories, false },
        { [], o => o.Keep, 2 },
        { ["keep=5"], o => o.Keep, 5 },
        { ["keep=007"], o => o.Keep, 7 },
        { ["keep=3", "KEEP=3"], o => o.Keep, 3 },
        { [], o => o.MaxParallel, 4 },
        { ["max-parallel=32"], o => o.MaxParallel, 32 },
        { ["repository-tag=Project=automation"], o => Join(o.RepositoryTags.Select(t => $"{t.Key}={t.Value}")), "Project=automation" },
        { ["repository-tag= Url = a=b "], o => Join(o.RepositoryTags.Select(t => $"{t.Key}={t.Value}")), "Url=a=b" },
        { ["repository-tag=Project=x", "Repository-Tag=Team=y"], o => o.RepositoryTags.Count, 2 },
        { ["registry-id=123456789012"], o => o.RegistryId, "123456789012" },
        { ["region=eu-west-1"], o => o.Region, "eu-west-1" },
        { ["region=us-gov-west-1"], o => o.Region, "us-gov-west-1" },
        { ["protect-tag=^release-", "protect-tag=^v[0-9]{1,3}$"], o => string.Join(" ; ", o.ProtectTags), "^release- ; ^v[0-9]{1,3}$" },
        { ["tag-pattern=^{environment}-[0-9]+$"], o => o.TagPattern, "^{environment}-[0-9]+$" },
        { ["floating-tag-pattern=-(stable|latest)$"], o => o.FloatingTagPattern, "-(stable|latest)$" },
        { ["repository-pattern=^team/"], o => o.RepositoryPattern?.ToString(), "^team/" },
        { ["preview"], o => o.Preview, true },
        { ["preview=true", "PREVIEW="], o => o.Preview, true },
        { ["confirm=am"], o => o.Confirm, "am" },
        { ["fallback-environment=prod"], o => o.FallbackEnvironment, "prod" },
        { ["report=artifacts/run.json"], o => o.ReportPath, "artifacts/run.json" },
        { ["target=DeleteOldestImages", "verbosity=diagnostic", "dryrun", "t=x", "Exclusive", "help"], o => o.Environment, null },
    };

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["enviroment=am"], "Unknown argument --enviroment: did you mean --environment?" },
        { ["kep=1"], "did you mean --keep?" },
        { ["keeep=1"], "did you mean --keep?" },
        { ["repo=api"], "did you mean one of --report, --repository, --repository-tag, --repository-pattern?" },
        { ["repositories=api"], "did you mean --repository?" },
        { ["protect=^x"], "did you mean --protect-tag?" },
        { ["max_parallel=2"], "did you mean --max-parallel?" },
        { ["dry-run"], "did you mean --preview?" },
        { ["targte=x"], "did you mean --target?" },
        { ["zzzzzz=1"], "Unknown argument --zzzzzz." },
        { ["keep=0"], "--keep must be a whole number of at least 1 (got '0')." },
        { ["keep=-1"], "--keep must be a whole number of at least 1 (got '-1')." },
        { ["keep=+3"], "--keep must be a whole number of at least 1 (got '+3')." },
        { ["keep=abc"], "--keep must be a whole number of at least 1 (got 'abc')." },
        { ["keep=1.5"], "--keep must be a whole number of at least 1 (got '1.5')." },
        { ["keep=1,000"], "--keep must be a whole number of at least 1 (got '1,000')." },
        { ["keep=99999999999999999999"], "--keep must be a whole number of at least 1 (got '99999999999999999999')." },
        { ["keep= "], "--keep needs a value" },
        { ["keep=1", "keep=2"], "--keep was given more than once with different values ('1', '2'): pass it once." },
        { ["max-parallel=0"], "--max-parallel must be a whole number from 1 to 32 (got '0')." },
        { ["max-parallel=33"], "--max-parallel must be a whole number from 1 to 32 (got '33')." },
        { ["environment="], "--environment needs a value" },
        { ["environment=a b"], "--environment 'a b' is not valid" },
        { ["environment=-am"], "--environment '-am' is not valid" },
        { ["environment=am", "environment=prod"], "--environment was given more than once" },
        { ["fallback-environment=bad name"], "--fallback-environment 'bad name' is not valid" },
        { ["repository=Api"], "--repository 'Api' is not a valid ECR repository name" },
        { ["repository=a"], "--repository 'a' is not a valid ECR repository name" },
        { ["repository=team//api"], "--repository 'team//api' is not a valid ECR repository name" },
        { ["repository=api-"], "--repository 'api-' is not a valid ECR repository name" },
        { ["repository=" + new string('a', 257)], "is not a valid ECR repository name" },
        { ["repository=api,,web"], "--repository has an empty entry in 'api,,web'" },
        { ["repository=api,"], "--repository has an empty entry" },
        { ["repository="], "--repository needs a value" },
        { ["exclude-repository=UPPER"], "--exclude-repository 'UPPER' is not a valid ECR repository name" },
        { ["repository-tag=Project"], "--repository-tag 'Project' is not Key=Value" },
        { ["repository-tag==x"], "--repository-tag '=x' is not Key=Value" },
        { ["repository-tag=Project="], "--repository-tag 'Project=' is not Key=Value" },
        { ["registry-id=12345"], "--registry-id must be a 12-digit AWS account id" },
        { ["registry-id=12345678901a"], "--registry-id must be a 12-digit AWS account id" },
        { ["region=EU-WEST-1"], "--region must be an AWS region code in lower case, e.g. eu-west-1 (got 'EU-WEST-1')." },
        { ["region=europe"], "--region must be an AWS region code" },
        { ["region=eu west 1"], "--region must be an AWS region code" },
        { ["preview=yes"], "--preview takes true or false (got 'yes')" },
        { ["preview=true", "PREVIEW=false"], "--preview was given both as true and as false" },
        { ["tag-pattern=^v[0-9]+$"], "--tag-pattern '^v[0-9]+$' must contain {environment}" },
        { ["tag-pattern={environment}"], "--tag-pattern '{environment}' must match whole tags, so that it cannot match inside the tags of other environments: anchor it at both ends, e.g. --tag-pattern='^{environment}$'." },
        { ["tag-pattern=^{environment}-[0-9]+"], "e.g. --tag-pattern='^{environment}-[0-9]+$'" },
        { ["tag-pattern={environment}-[0-9]+$"], "e.g. --tag-pattern='^{environment}-[0-9]+$'" },
        { ["tag-pattern=^{environment}-("], "--tag-pattern '^{environment}-(' is not a valid .NET regular expression" },
        { ["floating-tag-pattern=[x"], "--floating-tag-pattern '[x' is not a valid .NET regular expression" },
        { ["protect-tag=(x"], "--protect-tag '(x' is not a valid .NET regular expression" },
        { ["protect-tag= "], "--protect-tag needs a value" },
        { ["repository-pattern=*x"], "--repository-pattern '*x' is not a valid .NET regular expression" },
        { ["report= "], "--report needs a value" },
        { ["confirm="], "--confirm needs a value" },
    };

    [Theory]
    [MemberData(nameof(GoodArguments))]
    public void Parse_ReadsValidArguments(string[] arguments, Func<EcrOptions, object?> read, object? expected)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of(arguments));

        Assert.Equivalent(expected, read(sut), strict: true);
    }

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Parse_RejectsInvalidArguments_WithAMessageNamingTheArgument(string[] arguments, string expectedMessage)
    {
        var ex = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of(arguments)));

        Assert.Contains(expectedMessage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsEveryUnknownArgument_AndListsTheKnownOnes()
    {
        var ex = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of("enviroment=am", "kepp=1", "environment=am")));

        Assert.Contains("--enviroment: did you mean --environment?", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--kepp: did you mean --keep?", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--max-parallel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RecordsWhichArgumentsWereGiven()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("Keep=2", "target=x"));

        Assert.Equal(["keep"], sut.GivenArguments);
    }

    [Fact]
    public void Parse_RepositoryPattern_HasAMatchTimeout()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("repository-pattern=^team/"));

        Assert.NotNull(sut.RepositoryPattern);
        Assert.NotEqual(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout, sut.RepositoryPattern.MatchTimeout);
    }

    [Fact]
    public void Parse_KeepsRepositoryTagFilters_AsRecords()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("repository-tag=Project=x", "repository-tag=Project=x"));

        Assert.Equal([new RepositoryTagFilter("Project", "x")], sut.RepositoryTags);
    }

    [Fact]
    public void Parse_Throws_WhenArgumentsAreNull()
    {
        Assert.Throws<ArgumentNullException>(() => EcrOptionsParser.Parse(null!));
    }

    private static string Join(IEnumerable<string> values) => string.Join(",", values);
}
