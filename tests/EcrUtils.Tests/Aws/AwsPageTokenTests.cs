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
    [InlineData("""{"imageDetails":[], "nextToken" : "a+b/c=" }""" + "\n", "a+b/c=")]
    [InlineData("""{"imageDetails":[],"nextToken":"a\u002Bb"}""", "a+b")]
    [InlineData("""{"nextToken":"b","x\"nextToken":"a"}""", "b")]
    [InlineData("""{"a":{"nextToken":"inner"}}""", null)]
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

    [Fact]
    public void Read_TakesTheTokenFromTheEnd_WithoutReadingWhatComesBefore()
    {
        // Not JSON before the last member: only a look at the end finds the token (the full parse then rejects the page).
        var sut = AwsPageToken.Read(Encoding.UTF8.GetBytes("""{"imageDetails":[not json],"nextToken":"abc"}"""));

        Assert.Equal("abc", sut);
    }
}
