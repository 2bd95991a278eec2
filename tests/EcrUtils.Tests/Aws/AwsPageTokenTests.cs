using System.Text;
using EcrUtils.Aws;

namespace EcrUtils.Tests.Aws;

public sealed class AwsPageTokenTests
{
    [Theory]
    [InlineData("""{"imageDetails":[{"imageDigest":"sha256:a","nextToken":"inner"}],"nextToken":"abc"}""", "abc")]
    [InlineData("""{"nextToken":"abc","imageDetails":[]}""", "abc")]
    [InlineData("""{"next\u0054oken":"escaped"}""", "escaped")]
    [InlineData("""{"nextToken":"first","nextToken":"last"}""", "last")]
    [InlineData("""{"imageDetails":[]}""", null)]
    [InlineData("""{"nextToken":null}""", null)]
    [InlineData("""{"nextToken":7}""", null)]
    [InlineData("""[{"nextToken":"abc"}]""", null)]
    [InlineData("""{"nextToken":"abc" """, null)]
    [InlineData("<html>not json</html>", null)]
    [InlineData("", null)]
    public void Read_FindsTheTopLevelToken_AndNothingElse(string body, string? expected)
    {
        var sut = AwsPageToken.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, sut);
    }
}
