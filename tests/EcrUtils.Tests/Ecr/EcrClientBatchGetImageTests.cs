using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecr;

public sealed class EcrClientBatchGetImageTests
{
    private static readonly DateTimeOffset s_pushedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeEcr _ecr = new();

    public EcrClientBatchGetImageTests() => _ecr.AddRepository("team/api");

    [Fact]
    public async Task BatchGetImage_ReturnsManifestsVerbatim_InCallsOfAtMost100()
    {
        for (var i = 0; i < 150; i++)
        {
            _ecr.AddImage("team/api", FakeEcr.Digest($"image-{i}"), [], s_pushedAt, manifest: $$"""{"schemaVersion":2,"n":{{i}}}""");
        }

        var sut = _ecr.CreateClient();

        var result = await sut.BatchGetImageAsync(
            null,
            "team/api",
            [.. Enumerable.Range(0, 150).Select(i => ImageId.ForDigest(FakeEcr.Digest($"image-{i}")))],
            [FakeEcr.DockerManifestMediaType, FakeEcr.OciIndexMediaType],
            CancellationToken.None);

        Assert.Equal(150, result.Images.Count);
        Assert.Equal("""{"schemaVersion":2,"n":7}""", result.Images.Single(m => m.Digest == FakeEcr.Digest("image-7")).Manifest);
        Assert.Equal([50, 100], _ecr.Calls.Select(c => c.Body["imageIds"]!.AsArray().Count).Order());
        Assert.All(_ecr.Calls, c => Assert.Equal(2, c.Body["acceptedMediaTypes"]!.AsArray().Count));
    }

    [Fact]
    public async Task BatchGetImage_SendsItsCallsAtOnce()
    {
        for (var i = 0; i < 150; i++)
        {
            _ecr.AddImage("team/api", FakeEcr.Digest($"image-{i}"), [], s_pushedAt);
        }

        // The first call is answered only once the second came: one call after the other would wait for ever.
        var secondCame = new TaskCompletionSource();
        _ecr.BeforeCall = async call =>
        {
            if (call.Number == 2)
            {
                secondCame.TrySetResult();
            }
            else
            {
                await secondCame.Task;
            }
        };
        var sut = _ecr.CreateClient();

        var result = await sut.BatchGetImageAsync(
            null,
            "team/api",
            [.. Enumerable.Range(0, 150).Select(i => ImageId.ForDigest(FakeEcr.Digest($"image-{i}")))],
            [],
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(150, result.Images.Count);
        Assert.Equal(2, _ecr.CallCount(EcrOperation.BatchGetImage));
    }

    [Fact]
    public async Task BatchGetImage_ReportsTagAndMediaType_AndFailuresPerImage()
    {
        _ecr.AddImage("team/api", FakeEcr.Digest("index"), ["dev-1"], s_pushedAt, mediaType: FakeEcr.OciIndexMediaType);
        var sut = _ecr.CreateClient();

        var result = await sut.BatchGetImageAsync(
            null, "team/api", [ImageId.ForTag("dev-1"), ImageId.ForTag("dev-9")], [], CancellationToken.None);

        var manifest = Assert.Single(result.Images);
        Assert.Equal((FakeEcr.Digest("index"), "dev-1", FakeEcr.OciIndexMediaType), (manifest.Digest, manifest.Tag, manifest.MediaType));
        Assert.Equal(ImageId.ForTag("dev-9"), Assert.Single(result.Failures).ImageId);
        Assert.False(Assert.Single(_ecr.Calls).Body.ContainsKey("acceptedMediaTypes"));
    }
}
