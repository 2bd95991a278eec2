using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class ArgumentHelpTests
{
    [Fact]
    public void Help_DescribesEveryArgumentTheParserTakes_AndNoOther()
    {
        var described = ArgumentHelp.Lines.Select(line => line.Usage.TrimStart('-').Split('=')[0]).ToList();

        Assert.Equal(ArgumentNames.All.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
        Assert.Equal(described.Count, described.Distinct(StringComparer.Ordinal).Count());
    }
}
