using EcrUtils.Ecr;

namespace EcrUtils.Tests.Fakes;

/// <summary>The fake keeps its index of each repository as images and tags change, also when a test changes them directly.</summary>
public sealed class FakeRegistryIndexTests
{
    private const string Repository = "api";
    private static readonly DateTimeOffset s_pushedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeEcr _ecr = new();

    public FakeRegistryIndexTests() => _ecr.AddRepository(Repository);

    [Fact]
    public async Task BatchDelete_SeesImagesAndTagsChangedDirectly()
    {
        for (var i = 1; i <= 3; i++)
        {
            _ecr.AddImage(Repository, FakeEcr.Digest($"image-{i}"), [$"dev-{i}"], s_pushedAt.AddMinutes(i));
        }

        lock (_ecr.Gate)
        {
            var images = _ecr.Repository(Repository).Images;
            images.Add(new FakeEcrImage(FakeEcr.Digest("direct"), ["direct-1"], s_pushedAt, 1, FakeEcr.DockerManifestMediaType, "{}", EcrImage.ActiveStatus, null));
            images.RemoveAll(i => i.Digest == FakeEcr.Digest("image-1"));
            images.Single(i => i.Digest == FakeEcr.Digest("image-2")).Tags.Add("extra-1");
        }

        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(
            null, Repository, [ImageId.ForTag("direct-1"), ImageId.ForTag("dev-1"), ImageId.ForTag("extra-1")], null, CancellationToken.None);

        Assert.Equal(["direct-1", "extra-1"], result.Deleted.Select(d => d.Tag));
        Assert.Equal(ImageFailure.ImageNotFound, Assert.Single(result.Failures).Code);
        Assert.Equal(["image-2 dev-2", "image-3 dev-3"], State());
    }

    [Fact]
    public async Task NextPage_StartsAtItsPositionAmongTheImagesNow_WhenEarlierImagesWentBetweenPages()
    {
        for (var i = 0; i < 2500; i++)
        {
            _ecr.AddImage(Repository, FakeEcr.Digest($"image-{i}"), [$"dev-{i}"], s_pushedAt.AddMinutes(i));
        }

        List<string> expected = [];
        _ecr.BeforeCall = call =>
        {
            if (call.Operation == EcrOperation.DescribeImages && call.Number == 2)
            {
                lock (_ecr.Gate)
                {
                    _ecr.Repository(Repository).Images.RemoveAll(i => i.Tags.Contains("dev-5") || i.Tags.Contains("dev-6"));
                }

                // The token is a position: the next page is the next 1000 of the images there are now.
                expected = [.. _ecr.Images(Repository).Skip(1000).Select(i => i.Digest)];
            }

            return ValueTask.CompletedTask;
        };
        var sut = _ecr.CreateClient();
        List<IReadOnlyList<EcrImage>> pages = [];

        await foreach (var page in sut.DescribeImagesAsync(null, Repository, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal([1000, 1000, 498], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.Skip(1).SelectMany(p => p).Select(i => i.Digest));
    }

    [Fact]
    public async Task DescribeImages_KeepsPushOrder_AfterMostImagesWereDeletedAndMoreWerePushed()
    {
        for (var i = 0; i < 300; i++)
        {
            _ecr.AddImage(Repository, FakeEcr.Digest($"image-{i}"), [$"dev-{i}"], s_pushedAt.AddMinutes(i));
        }

        var sut = _ecr.CreateClient();
        await sut.BatchDeleteImageAsync(
            null, Repository, [.. Enumerable.Range(0, 300).Where(i => i % 10 != 0).Select(i => ImageId.ForTag($"dev-{i}"))], null, CancellationToken.None);
        _ecr.AddImage(Repository, FakeEcr.Digest("late"), ["dev-0", "late-1"], s_pushedAt);

        var images = new List<EcrImage>();
        await foreach (var page in sut.DescribeImagesAsync(null, Repository, CancellationToken.None))
        {
            images.AddRange(page);
        }

        Assert.Equal(
            [.. Enumerable.Range(0, 30).Select(i => FakeEcr.Digest($"image-{i * 10}")), FakeEcr.Digest("late")],
            images.Select(i => i.Digest));
        Assert.Empty(images[0].Tags);
        Assert.Equal(["dev-0", "late-1"], images[^1].Tags);
    }

    private List<string> State() =>
        [.. _ecr.Images(Repository).Select(i => $"{Seed(i.Digest)} {string.Join(',', i.Tags)}")];

    private static string Seed(string digest) =>
        Enumerable.Range(1, 3).Select(i => $"image-{i}").Concat(["direct"]).Single(s => FakeEcr.Digest(s) == digest);
}
