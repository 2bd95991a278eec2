using EcrUtils.Ecr;

namespace EcrUtils.Tests.Planning;

internal static class TestImages
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // Pushed the given number of minutes after a fixed start; 1,000 bytes each.
    public static EcrImage Image(string name, int minute, params string[] tags) =>
        new($"sha256:{name}", tags, s_start.AddMinutes(minute), 1_000);

    public static EcrImage Archived(string name, int minute, params string[] tags) =>
        Image(name, minute, tags) with { Status = "ARCHIVED" };
}
