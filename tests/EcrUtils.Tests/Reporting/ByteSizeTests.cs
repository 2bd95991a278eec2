using EcrUtils.Reporting;

namespace EcrUtils.Tests.Reporting;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1_000, "1 KB")]
    [InlineData(1_234_567, "1.2 MB")]
    [InlineData(1_200_000_000, "1.2 GB")]
    [InlineData(5_500_000_000_000, "5.5 TB")]
    public void Format_UsesDecimalUnits(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));
}
