namespace EcrUtils.Sandbox.Tests;

public sealed class RegistryChangesTests
{
    private static readonly DemoManifest s_old = DemoManifests.Image("api-11", 100);
    private static readonly DemoManifest s_shared = DemoManifests.Image("api-13", 100);
    private static readonly DemoManifest s_new = DemoManifests.Image("api-15", 100);

    [Fact]
    public void Compare_CountsDeletedImages_LostTags_AndFreedBytes()
    {
        var before = State(Image(s_old, 1, 300, "master-11"), Image(s_shared, 2, 500, "branch-1", "master-13"), Image(s_new, 3, 700, "master-15"));
        var after = State(Image(s_shared, 2, 500, "branch-1"), Image(s_new, 3, 700, "master-15"));

        var sut = RegistryChanges.Compare(before, after);

        Assert.True(sut.Any);
        Assert.Equal((1, 2, 300L), (sut.ImagesDeleted, sut.TagsRemoved, sut.BytesFreed));
        var images = sut.Repositories.Single().Images.ToDictionary(i => i.Row.Digest);
        Assert.True(images[s_old.Digest].Deleted);
        Assert.Equal(["master-13"], images[s_shared.Digest].LostTags);
        Assert.Empty(images[s_new.Digest].LostTags);
    }

    [Fact]
    public void Compare_SeesImagesPushedDuringTheRun_AsAChangeWithNothingRemoved()
    {
        var before = State(Image(s_old, 1, 300, "master-11"));
        var after = State(Image(s_old, 1, 300, "master-11"), Image(s_new, 3, 700, "master-15"));

        var sut = RegistryChanges.Compare(before, after);

        Assert.True(sut.Any);
        Assert.Equal((0, 0, 0L), (sut.ImagesDeleted, sut.TagsRemoved, sut.BytesFreed));
        Assert.Equal(1, sut.Repositories.Single().Added);
    }

    [Fact]
    public void Compare_SeesImagesArchivedAndRestored_AsChangesWithNothingRemoved()
    {
        var before = State(Image(s_old, 1, 300, "master-11"), Image(s_shared, 2, 500, "master-13") with { Status = ImageStatuses.Archived });
        var after = State(Image(s_old, 1, 300, "master-11") with { Status = ImageStatuses.Archived }, Image(s_shared, 2, 500, "master-13") with { Status = ImageStatuses.Activating });

        var sut = RegistryChanges.Compare(before, after);

        Assert.True(sut.Any);
        Assert.Equal((0, 0, 0L, 1, 1), (sut.ImagesDeleted, sut.TagsRemoved, sut.BytesFreed, sut.ImagesArchived, sut.ImagesRestored));
        var images = sut.Repositories.Single().Images.ToDictionary(i => i.Row.Digest);
        Assert.Equal(ImageStatuses.Archived, images[s_old.Digest].NewStatus);
        Assert.Equal(ImageStatuses.Activating, images[s_shared.Digest].NewStatus);
    }

    [Fact]
    public void Compare_OfTheSameState_IsNoChange()
    {
        var state = State(Image(s_old, 1, 300, "master-11"));

        var sut = RegistryChanges.Compare(state, state);

        Assert.False(sut.Any);
    }

    private static RegistryState State(params ImageState[] images) => new([new RepositoryState("api", "uri", images)]);

    private static ImageState Image(DemoManifest manifest, double pushedAt, long size, params string[] tags) =>
        new(manifest.Digest, tags, pushedAt, manifest.MediaType, size, manifest.Json);
}
