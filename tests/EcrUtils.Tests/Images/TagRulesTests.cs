using System.Text.RegularExpressions;
using EcrUtils.Images;

namespace EcrUtils.Tests.Images;

public sealed class TagRulesTests
{
    // Nested quantifiers backtrack exponentially on a tag that almost matches.
    private const string CatastrophicPattern = "^(a|aa)+$";
    private static readonly string s_almostMatchingTag = new string('a', 60) + "!";
    private static readonly TimeSpan s_shortTimeout = TimeSpan.FromMilliseconds(20);

    [Theory]
    [InlineData("automation-master-17", true)]
    [InlineData("automation-master-latest", true)]
    [InlineData("automation-master-17-hotfix", false)]
    [InlineData("automation-master", false)]
    [InlineData("automation-master-", false)]
    [InlineData("automation-17", false)]
    [InlineData("other-automation-master-17", false)]
    [InlineData("Automation-master-17", false)]
    public void IsEnvironmentTag_FollowsDefaultPattern(string tag, bool expected)
    {
        var sut = TagRules.Create("automation-master", null, null, []);

        Assert.Equal(expected, sut.IsEnvironmentTag(tag));
    }

    [Fact]
    public void IsEnvironmentTag_DoesNotClaimTagsOfALongerEnvironment_WithDefaultPattern()
    {
        var prod = TagRules.Create("prod", null, null, []);
        var prodEu = TagRules.Create("prod-eu", null, null, []);

        Assert.False(prod.IsEnvironmentTag("prod-eu-4"));
        Assert.True(prodEu.IsEnvironmentTag("prod-eu-4"));
        Assert.True(prod.IsEnvironmentTag("prod-4"));
    }

    [Fact]
    public void IsEnvironmentTag_TreatsDotInEnvironmentNameLiterally()
    {
        var sut = TagRules.Create("release.2", null, null, []);

        Assert.True(sut.IsEnvironmentTag("release.2-7"));
        Assert.False(sut.IsEnvironmentTag("releasex2-7"));
    }

    [Fact]
    public void IsEnvironmentTag_UsesCustomPattern_WithEnvironmentPlaceholder()
    {
        var sut = TagRules.Create("staging", "^{environment}-[0-9]+$", null, []);

        Assert.True(sut.IsEnvironmentTag("staging-12"));
        Assert.False(sut.IsEnvironmentTag("staging-latest"));
        Assert.Equal("^{environment}-[0-9]+$", sut.TagPattern);
    }

    [Theory]
    [InlineData("latest", true)]
    [InlineData("automation-master-latest", true)]
    [InlineData("prod-latest", true)]
    [InlineData("latest-1", false)]
    [InlineData("notlatest", false)]
    [InlineData("automation-master-17", false)]
    public void IsFloatingTag_FollowsDefaultPattern(string tag, bool expected)
    {
        var sut = TagRules.Create("automation-master", null, null, []);

        Assert.Equal(expected, sut.IsFloatingTag(tag));
    }

    [Fact]
    public void IsFloatingTag_UsesCustomPattern()
    {
        var sut = TagRules.Create("automation-master", null, "-(stable|edge)$", []);

        Assert.True(sut.IsFloatingTag("automation-master-stable"));
        Assert.False(sut.IsFloatingTag("automation-master-latest"));
    }

    [Fact]
    public void IsProtectedTag_MatchesAnyOfThePatterns()
    {
        var sut = TagRules.Create("automation-master", null, null, ["^release-", "^keep$"]);

        Assert.True(sut.IsProtectedTag("release-1"));
        Assert.True(sut.IsProtectedTag("keep"));
        Assert.False(sut.IsProtectedTag("automation-master-1"));
    }

    [Fact]
    public void IsProtectedTag_IsFalse_WithoutPatterns()
    {
        var sut = TagRules.Create("automation-master", null, null, []);

        Assert.False(sut.IsProtectedTag("release-1"));
    }

    [Fact]
    public void Create_Rejects_TagPatternWithoutPlaceholder()
    {
        var ex = Assert.Throws<ArgumentException>(() => TagRules.Create("prod", "^v[0-9]+$", null, []));

        Assert.Contains("--tag-pattern", ex.Message, StringComparison.Ordinal);
        Assert.Contains("must contain {environment}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^{environment}-(", null, "--tag-pattern")]
    [InlineData(null, "[latest", "--floating-tag-pattern")]
    [InlineData(null, "", "--floating-tag-pattern")]
    [InlineData("", null, "--tag-pattern")]
    public void Create_RejectsInvalidPattern_NamingTheArgument(string? tagPattern, string? floatingTagPattern, string argument)
    {
        var ex = Assert.Throws<ArgumentException>(() => TagRules.Create("prod", tagPattern, floatingTagPattern, []));

        Assert.StartsWith(argument + " ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(release")]
    [InlineData(" ")]
    public void Create_RejectsInvalidProtectTag_NamingTheArgument(string pattern)
    {
        var ex = Assert.Throws<ArgumentException>(() => TagRules.Create("prod", null, null, ["^ok$", pattern]));

        Assert.StartsWith("--protect-tag ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("-prod")]
    public void Create_RejectsInvalidEnvironment_NamingTheArgument(string environment)
    {
        var ex = Assert.Throws<ArgumentException>(() => TagRules.Create(environment, null, null, []));

        Assert.StartsWith("--environment ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsEnvironmentTag_ThrowsClearError_WhenPatternTimesOut()
    {
        var sut = TagRules.Create("a", "^{environment}(a|aa)+$", null, [], s_shortTimeout);

        var ex = Assert.Throws<RegexMatchTimeoutException>(() => sut.IsEnvironmentTag(s_almostMatchingTag));

        Assert.Contains("--tag-pattern '^{environment}(a|aa)+$'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Simplify the pattern", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsFloatingTag_ThrowsClearError_WhenPatternTimesOut()
    {
        var sut = TagRules.Create("prod", null, CatastrophicPattern, [], s_shortTimeout);

        var ex = Assert.Throws<RegexMatchTimeoutException>(() => sut.IsFloatingTag(s_almostMatchingTag));

        Assert.Contains("--floating-tag-pattern", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsProtectedTag_ThrowsInsteadOfNotMatching_WhenPatternTimesOut()
    {
        var sut = TagRules.Create("prod", null, null, [CatastrophicPattern], s_shortTimeout);

        var ex = Assert.Throws<RegexMatchTimeoutException>(() => sut.IsProtectedTag(s_almostMatchingTag));

        Assert.Contains("--protect-tag", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UsesATimeout_ByDefault()
    {
        var sut = TagRules.Create("prod", null, null, [CatastrophicPattern]);

        Assert.Throws<RegexMatchTimeoutException>(() => sut.IsProtectedTag(new string('a', 200) + "!"));
    }
}
