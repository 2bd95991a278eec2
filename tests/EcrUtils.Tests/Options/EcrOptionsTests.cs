using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class EcrOptionsTests
{
    public static TheoryData<EcrTask, string[]> ValidCombinations => new()
    {
        { EcrTask.GetLatestImages, ["environment=am", "repository=api"] },
        { EcrTask.GetLatestImages, ["environment=am", "all-repositories", "fallback-environment=prod", "preview"] },
        { EcrTask.DeleteOldestImages, ["environment=am", "all-repositories", "keep=3", "repository-tag=Project=x"] },
        { EcrTask.DeleteOldestImages, ["environment=am", "repository=api", "repository-pattern=^a", "exclude-repository=web"] },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "confirm=am"] },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "preview"] },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "preview", "confirm=am"] },
    };

    public static TheoryData<EcrTask, string[], string> InvalidCombinations => new()
    {
        { EcrTask.GetLatestImages, ["repository=api"], "--environment is required: pass --environment=<name>" },
        { EcrTask.DeleteOldestImages, ["environment=am"], "pass --repository=<name> (repeatable, or comma-separated) or --all-repositories" },
        { EcrTask.DeleteAllImages, ["environment=am", "all-repositories=false", "preview"], "pass --repository=<name>" },
        { EcrTask.DeleteOldestImages, ["environment=am", "repository=api", "all-repositories"], "--repository and --all-repositories exclude each other" },
        { EcrTask.GetLatestImages, ["environment=am", "repository=api", "keep=2"], "--keep applies to DeleteOldestImages only" },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "keep=2", "preview"], "--keep applies to DeleteOldestImages only" },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api"], "pass --confirm=am to go ahead, or --preview to see the plan without deleting anything" },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "confirm=prod"], "--confirm=prod does not match --environment=am: pass --confirm=am" },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "confirm=AM"], "does not match" },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "confirm=prod", "preview"], "does not match" },
        { EcrTask.DeleteOldestImages, ["environment=am", "repository=api", "confirm=am"], "--confirm applies to DeleteAllImages only" },
        { EcrTask.DeleteOldestImages, ["environment=am", "repository=api", "fallback-environment=prod"], "--fallback-environment applies to GetLatestImages only" },
        { EcrTask.DeleteAllImages, ["environment=am", "repository=api", "preview", "fallback-environment=prod"], "--fallback-environment applies to GetLatestImages only" },
    };

    [Theory]
    [MemberData(nameof(ValidCombinations))]
    public void Validate_Accepts_WhatTheTaskNeeds(EcrTask task, string[] arguments)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of(arguments));

        var ex = Record.Exception(() => sut.Validate(task));

        Assert.Null(ex);
    }

    [Theory]
    [MemberData(nameof(InvalidCombinations))]
    public void Validate_Rejects_SayingWhatToPass(EcrTask task, string[] arguments, string expectedMessage)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of(arguments));

        var ex = Assert.Throws<OptionsException>(() => sut.Validate(task));

        Assert.Contains(expectedMessage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsInvalidEnvironment_EvenWhenNotParsed()
    {
        var sut = new EcrOptions { Environment = "bad name", Repositories = ["api"] };

        var ex = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.GetLatestImages));

        Assert.StartsWith("--environment 'bad name' is not valid", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4, "--keep must be")]
    [InlineData(2, 0, "--max-parallel must be")]
    [InlineData(2, 33, "--max-parallel must be")]
    public void Validate_RejectsNumbersOutOfRange_EvenWhenNotParsed(int keep, int maxParallel, string expectedMessage)
    {
        var sut = new EcrOptions { Environment = "am", AllRepositories = true, Keep = keep, MaxParallel = maxParallel };

        var ex = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.DeleteOldestImages));

        Assert.StartsWith(expectedMessage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateTagRules_UsesTheGivenPatterns()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of(
            "environment=am", "tag-pattern=^{environment}_[0-9]+$", "floating-tag-pattern=^stable$", "protect-tag=^release-"));

        var rules = sut.CreateTagRules("prod");

        Assert.Equal("prod", rules.Environment);
        Assert.True(rules.IsEnvironmentTag("prod_4"));
        Assert.False(rules.IsEnvironmentTag("am_4"));
        Assert.True(rules.IsFloatingTag("stable"));
        Assert.False(rules.IsFloatingTag("latest"));
        Assert.True(rules.IsProtectedTag("release-2"));
    }

    [Fact]
    public void CreateTagRules_ThrowsOptionsException_ForInvalidEnvironment()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am"));

        var ex = Assert.Throws<OptionsException>(() => sut.CreateTagRules("not valid"));

        Assert.StartsWith("--environment 'not valid' is not valid", ex.Message, StringComparison.Ordinal);
    }
}
