using System.Text.RegularExpressions;
using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.TestImages;

namespace EcrUtils.Tests.Planning;

public sealed class DeleteOldestPlannerTests
{
    private static readonly TagRules s_rules = TagRules.Create("am", null, null, ["^release-"]);

    // The test images' clock: minutes after their fixed start.
    private static DateTimeOffset At(int minute) => Image("clock", minute).PushedAt;

    [Fact]
    public void Plan_KeepsTwoNewest_WhenEnvironmentHasFive()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2"), Image("d3", 3, "am-3"), Image("d4", 4, "am-4"), Image("d5", 5, "am-5")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 2);

        Assert.Equal(["sha256:d5", "sha256:d4"], sut.Kept.Select(d => d.Image.Digest));
        Assert.Equal(["sha256:d3", "sha256:d2", "sha256:d1"], sut.Removals.Select(d => d.Image.Digest));
        Assert.Equal(["am-3"], sut.Removals[0].TagsToRemove);
        Assert.All(sut.Kept, d => Assert.Equal("one of the 2 newest", d.Reason));
        Assert.All(sut.Removals, d => Assert.Equal("older than the 2 newest", d.Reason));
        Assert.Equal(3, sut.ImagesDeleted);
        Assert.Equal(3_000, sut.BytesReclaimed);
    }

    [Fact]
    public void Plan_KeepsEverything_WhenKeepExceedsImageCount()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 10);

        Assert.Empty(sut.Removals);
        Assert.Equal(2, sut.Kept.Count);
    }

    [Fact]
    public void Plan_IsEmpty_ForEmptyRepository()
    {
        var sut = DeleteOldestPlanner.Plan([], s_rules, keep: 1);

        Assert.Empty(sut.Decisions);
        Assert.Equal(0, sut.BytesReclaimed);
    }

    [Fact]
    public void Plan_LeavesOutUntaggedAndForeignImages()
    {
        EcrImage[] images = [Image("untagged", 0), Image("foreign", 1, "other-1", "v2"), Image("d2", 2, "am-2"), Image("d3", 3, "am-3")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        Assert.Equal(["sha256:d3", "sha256:d2"], sut.Decisions.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_RemovesOnlyTheEnvironmentTag_FromAnImageSharedWithAnotherEnvironment()
    {
        EcrImage[] images = [Image("shared", 1, "am-1", "other-7"), Image("d2", 2, "am-2")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var removal = Assert.Single(sut.Removals);
        Assert.Equal(["am-1"], removal.TagsToRemove);
        Assert.Equal(["other-7"], removal.RemainingTags);
        Assert.False(removal.DeletesImage);
        Assert.Equal(0, sut.ImagesDeleted);
        Assert.Equal(0, sut.BytesReclaimed);
    }

    [Fact]
    public void Plan_KeepsOldImage_HoldingAFloatingEnvironmentTag()
    {
        EcrImage[] images = [Image("d1", 1, "am-1", "am-latest"), Image("d2", 2, "am-2"), Image("d3", 3, "am-3")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var kept = Assert.Single(sut.Kept, d => d.Image.Digest == "sha256:d1");
        Assert.Equal("holds floating tag am-latest", kept.Reason);
        Assert.Equal(["sha256:d2"], sut.Removals.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_KeepsOldImage_HoldingAFloatingTagOfNoEnvironment()
    {
        EcrImage[] images = [Image("d1", 1, "am-1", "latest"), Image("d2", 2, "am-2")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        Assert.Empty(sut.Removals);
        Assert.Equal("holds floating tag latest", sut.Decisions[1].Reason);
    }

    [Fact]
    public void Plan_CountsFloatingImage_AmongTheNewest_WhenItIsNewest()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2"), Image("d3", 3, "am-3", "am-latest")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 2);

        Assert.Equal(["sha256:d3", "sha256:d2"], sut.Kept.Select(d => d.Image.Digest));
        Assert.Equal(["sha256:d1"], sut.Removals.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_KeepsOldImage_HoldingAProtectedTag()
    {
        EcrImage[] images = [Image("d1", 1, "am-1", "release-1"), Image("d2", 2, "am-2"), Image("d3", 3, "am-3")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var kept = Assert.Single(sut.Kept, d => d.Image.Digest == "sha256:d1");
        Assert.Equal("holds protected tag release-1", kept.Reason);
        Assert.Empty(kept.TagsToRemove);
    }

    [Fact]
    public void Plan_BreaksPushTimeTies_ByGreatestTagInNaturalOrder()
    {
        EcrImage[] images = [Image("x", 5, "am-17"), Image("y", 5, "am-9"), Image("z", 5, "am-10")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        Assert.Equal(["am-17", "am-10", "am-9"], sut.Decisions.Select(d => d.Image.Tags[0]));
        Assert.Equal("sha256:x", Assert.Single(sut.Kept).Image.Digest);
    }

    [Fact]
    public void Plan_BreaksRemainingTies_ByDigest_WhateverTheInputOrder()
    {
        var rules = TagRules.Create("am", null, "-(latest|stable)$", []);
        EcrImage[] images = [Image("b", 5, "am-latest"), Image("a", 5, "am-stable"), Image("c", 5, "am-3"), Image("d", 4, "am-4")];

        var forward = DeleteOldestPlanner.Plan(images, rules, keep: 1);
        var backward = DeleteOldestPlanner.Plan(images.Reverse(), rules, keep: 1);

        Assert.Equal(forward.Decisions.Select(d => d.Image.Digest), backward.Decisions.Select(d => d.Image.Digest));
        Assert.Equal(["sha256:c", "sha256:a", "sha256:b", "sha256:d"], forward.Decisions.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_WithArchive_LeavesArchivedImagesAsTheyAre_WithoutCountingThem()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2"), Archived("d3", 3, "am-3")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1, new Retention(At(60), Archive: true));

        Assert.Equal("archived", Assert.Single(sut.Kept, d => d.Image.Digest == "sha256:d3").Reason);
        Assert.Equal("the newest", Assert.Single(sut.Kept, d => d.Image.Digest == "sha256:d2").Reason);
        Assert.Equal(["sha256:d1"], sut.Removals.Select(d => d.Image.Digest));
        Assert.Equal("older than the newest", sut.Removals[0].Reason);
    }

    [Fact]
    public void Plan_WithoutArchive_RemovesArchivedImages_WhichNeverCountAmongTheNewest_AndSaysWhenThatIsBilledEarly()
    {
        EcrImage[] images =
        [
            Image("d1", 1, "am-1"),
            Image("d2", 2, "am-2"),
            Archived("d3", 3, "am-3") with { LastArchivedAt = At(30) },
            Archived("d4", 4, "am-4") with { LastArchivedAt = At(30) - TimeSpan.FromDays(100) },
        ];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1, new Retention(At(30) + TimeSpan.FromDays(2)));

        Assert.Equal("sha256:d2", Assert.Single(sut.Kept).Image.Digest);
        Assert.Equal(["sha256:d4", "sha256:d3", "sha256:d1"], sut.Removals.Select(d => d.Image.Digest));
        Assert.Equal(
            "older than the newest; archived 2026-03-01, 2 days ago: deleting it now is billed for the rest of its 90 days in the archive",
            sut.Removals[1].Reason);
        Assert.Equal("older than the newest; archived", sut.Removals[0].Reason);
    }

    [Fact]
    public void Plan_KeepsAnImageBeingRestored()
    {
        EcrImage[] images = [Image("d1", 1, "am-1") with { Status = "ACTIVATING" }, Image("d2", 2, "am-2")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        Assert.Equal("being restored from the archive", Assert.Single(sut.Kept, d => d.Image.Digest == "sha256:d1").Reason);
        Assert.Empty(sut.Removals);
    }

    [Fact]
    public void Plan_OlderThan_KeepsImagesPushedWithinIt_OnTopOfTheNewest()
    {
        var now = At(0) + TimeSpan.FromDays(20);
        EcrImage[] images =
        [
            Image("d1", 1, "am-1"),
            Image("d2", 2, "am-2") with { PushedAt = now - TimeSpan.FromDays(13) },
            Image("d3", 3, "am-3") with { PushedAt = now - TimeSpan.FromDays(1) },
        ];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1, new Retention(now, OlderThan: TimeSpan.FromDays(14)));

        Assert.Equal(["sha256:d3", "sha256:d2"], sut.Kept.Select(d => d.Image.Digest));
        Assert.Equal("pushed 2026-03-08, 13 days ago: not older than 14d (--older-than)", sut.Kept[1].Reason);
        Assert.Equal(["sha256:d1"], sut.Removals.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_KeepPulledWithin_KeepsImagesPulledWithinIt_NotThoseNeverPulledOrPulledBefore()
    {
        var now = At(0) + TimeSpan.FromDays(20);
        EcrImage[] images =
        [
            Image("d1", 1, "am-1") with { LastRecordedPullTime = now - TimeSpan.FromHours(30) },
            Image("d2", 2, "am-2") with { LastRecordedPullTime = now - TimeSpan.FromDays(3) },
            Image("d3", 3, "am-3"),
            Image("d4", 4, "am-4"),
        ];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1, new Retention(now, KeepPulledWithin: TimeSpan.FromHours(48)));

        Assert.Equal(["sha256:d4", "sha256:d1"], sut.Kept.Select(d => d.Image.Digest));
        Assert.Equal("pulled 2026-03-20, 1 day ago (--keep-pulled-within=2d)", sut.Kept[1].Reason);
        Assert.Equal(["sha256:d3", "sha256:d2"], sut.Removals.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_DoesNotTouchTagsOfALongerEnvironmentName()
    {
        var rules = TagRules.Create("prod", null, null, []);
        EcrImage[] images = [Image("eu", 1, "prod-eu-4"), Image("d2", 2, "prod-2"), Image("d3", 3, "prod-3")];

        var sut = DeleteOldestPlanner.Plan(images, rules, keep: 1);

        Assert.DoesNotContain(sut.Decisions, d => d.Image.Digest == "sha256:eu");
        Assert.Equal(["sha256:d2"], sut.Removals.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_RemovesEveryEnvironmentTag_OfAnOldImage()
    {
        EcrImage[] images = [Image("d1", 1, "am-1", "am-1b", "unrelated"), Image("d2", 2, "am-2")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        var removal = Assert.Single(sut.Removals);
        Assert.Equal(["am-1", "am-1b"], removal.TagsToRemove);
        Assert.Equal(["unrelated"], removal.RemainingTags);
    }

    [Fact]
    public void Plan_RanksAnImageListedTwice_Once()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2"), Image("d2", 2, "am-2b")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        Assert.Equal(2, sut.Decisions.Count);
        Assert.Equal(["am-2", "am-2b"], Assert.Single(sut.Kept).Image.Tags);
        Assert.Equal(["sha256:d1"], sut.Removals.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_KeepsBothImagesOfATagListedTwice_SoThatTheImageItMovedToCannotLoseIt()
    {
        // am-1 was pushed again onto d9 while the listing ran: removing it by name as planned for d1 would take it from d9.
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2"), Image("d3", 3, "am-3"), Image("d8", 8, "am-8"), Image("d9", 9, "am-1")];

        var sut = DeleteOldestPlanner.Plan(images, s_rules, keep: 1);

        Assert.Equal(["sha256:d8", "sha256:d3", "sha256:d2"], sut.Removals.Select(d => d.Image.Digest));
        var moved = sut.Kept.Single(d => d.Image.Digest == "sha256:d1");
        Assert.StartsWith("tag am-1 was also listed on another image", moved.Reason, StringComparison.Ordinal);
        Assert.Equal(ImageAction.Keep, sut.Decisions.Single(d => d.Image.Digest == "sha256:d9").Action);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Plan_Throws_WhenKeepIsBelowOne(int keep)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeleteOldestPlanner.Plan([], s_rules, keep));
    }

    [Fact]
    public void Plan_Throws_WhenAProtectPatternTimesOut()
    {
        var rules = TagRules.Create("am", null, null, ["^(a|aa)+$"], TimeSpan.FromMilliseconds(20));
        EcrImage[] images = [Image("d1", 1, "am-1", new string('a', 60) + "!"), Image("d2", 2, "am-2")];

        Assert.Throws<RegexMatchTimeoutException>(() => DeleteOldestPlanner.Plan(images, rules, keep: 1));
    }
}
