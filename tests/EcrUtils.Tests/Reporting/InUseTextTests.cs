using EcrUtils.InUse;
using EcrUtils.Reporting;

namespace EcrUtils.Tests.Reporting;

public sealed class InUseTextTests
{
    [Fact]
    public void Read_SaysOneInTheSingular_AndOtherCountsInThePlural()
    {
        var found = new InUseImages([], EcsClusters: 1, EcsServices: 1, EcsTasks: 0, LambdaFunctions: 2);

        var line = InUseText.Read(new InUseCheckOutcome(InUseCheckStatus.Done, found, null), 1, count => $"**{count}**");

        Assert.Equal("In-use check: 1 ECS cluster (1 service, 0 running tasks) and 2 Lambda image functions read; **1** image in use, all kept.", line);
    }

    [Fact]
    public void Read_WithNothingInUse_SaysSo()
    {
        var line = InUseText.Read(new InUseCheckOutcome(InUseCheckStatus.Done, InUseImages.None, null), 0, count => count);

        Assert.EndsWith("read; no image in use.", line, StringComparison.Ordinal);
    }
}
