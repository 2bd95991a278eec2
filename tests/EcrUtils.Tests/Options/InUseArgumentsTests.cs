using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class InUseArgumentsTests
{
    [Fact]
    public void InUseCheck_IsOnByDefault_ForEveryCluster()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api"));

        Assert.True(sut.InUseCheck);
        Assert.Empty(sut.EcsClusters);
    }

    [Theory]
    [InlineData("in-use-check=off", false)]
    [InlineData("in-use-check=OFF", false)]
    [InlineData("in-use-check=false", false)]
    [InlineData("in-use-check=on", true)]
    [InlineData("in-use-check", true)]
    public void InUseCheck_ReadsOnAndOff(string argument, bool expected)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", argument));

        Assert.Equal(expected, sut.InUseCheck);
    }

    [Fact]
    public void InUseCheck_RejectsOtherValues()
    {
        var error = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of("environment=am", "in-use-check=no")));

        Assert.Contains("--in-use-check takes on or off (got 'no')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcsCluster_IsRepeatableAndCommaSeparated_NamesOrArns()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of(
            "environment=am", "ecs-cluster=prod,staging", "ecs-cluster=arn:aws:ecs:eu-west-1:123456789012:cluster/jobs_1"));

        Assert.Equal(["prod", "staging", "arn:aws:ecs:eu-west-1:123456789012:cluster/jobs_1"], sut.EcsClusters);
    }

    [Theory]
    [InlineData("ecs-cluster=prod cluster")]
    [InlineData("ecs-cluster=arn:aws:ecs:eu-west-1:123:cluster/prod")]
    [InlineData("ecs-cluster=arn:aws:ecs:eu-west-1:123456789012:service/prod/api")]
    public void EcsCluster_RejectsWhatIsNoClusterNameOrArn(string argument)
    {
        var error = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of("environment=am", argument)));

        Assert.Contains("is not an ECS cluster name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InUseFile_IsThePathAsGiven_AndNullWhenNotGiven()
    {
        var given = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", "in-use-file=../eks/in-use.txt"));
        var absent = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api"));

        Assert.Equal("../eks/in-use.txt", given.InUseFile);
        Assert.Null(absent.InUseFile);
    }

    [Fact]
    public void InUseFile_NeedsAValue()
    {
        var error = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of("environment=am", "in-use-file=")));

        Assert.Contains("--in-use-file needs a value: pass --in-use-file=<value>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EcrTask.DeleteOldestImages)]
    [InlineData(EcrTask.DeleteAllImages)]
    public void InUseFile_IsAccepted_WithTheCheckOff(EcrTask task)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", "in-use-check=off", "in-use-file=in-use.txt", "preview"));

        sut.Validate(task);

        Assert.False(sut.InUseCheck);
        Assert.Equal("in-use.txt", sut.InUseFile);
    }

    [Theory]
    [InlineData("in-use-check=off")]
    [InlineData("ecs-cluster=prod")]
    [InlineData("in-use-file=in-use.txt")]
    public void InUseArguments_ApplyToTheDeletingTasksOnly(string argument)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", argument));

        var error = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.GetLatestImages));

        Assert.Contains("applies to DeleteOldestImages and DeleteAllImages only", error.Message, StringComparison.Ordinal);
        sut.Validate(EcrTask.DeleteOldestImages);
    }

    [Fact]
    public void EcsCluster_IsAnError_WithTheCheckOff()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", "in-use-check=off", "ecs-cluster=prod"));

        var error = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.DeleteOldestImages));

        Assert.Contains("--ecs-cluster has no effect with --in-use-check=off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltInUseCheck_IsSuggested()
    {
        var error = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of("environment=am", "inuse-check=off")));

        Assert.Contains("did you mean --in-use-check?", error.Message, StringComparison.Ordinal);
    }
}
