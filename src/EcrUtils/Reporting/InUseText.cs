using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>What the console and the job summary say about the in-use check, in one place.</summary>
public static class InUseText
{
    /// <summary>The images the check kept, with their repository and who uses them.</summary>
    public static IReadOnlyList<(string Repository, EcrImage Image, IReadOnlyList<string> InUseBy)> ImagesInUse(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return
        [
            .. run.Repositories.SelectMany(r => r.Images
                .Where(i => i.Decision.InUseBy.Count > 0)
                .Select(i => (r.Repository.Name, i.Decision.Image, i.Decision.InUseBy))),
        ];
    }

    /// <summary>How many of <see cref="ImagesInUse"/> the in-use file lists.</summary>
    public static int ImagesListed(RunResult run) => ImagesInUse(run).Count(i => i.InUseBy.Any(ImageUse.IsListing));

    /// <summary>Who uses an image, each named: <c>in use by prod/api, fn:live; listed in in-use.txt line 3</c>.</summary>
    public static string UsedBy(IReadOnlyList<string> inUseBy) => InUseMarks.Reason(inUseBy, int.MaxValue);

    /// <summary>
    /// What the in-use file brought and kept; <paramref name="escape"/> makes the path fit the output, and
    /// <paramref name="emphasize"/> formats the count of images it lists.
    /// </summary>
    public static string File(InUseFileOutcome file, int listed, Func<string, string> escape, Func<string, string> emphasize)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(escape);
        ArgumentNullException.ThrowIfNull(emphasize);
        var kept = listed == 0
            ? "no image of these repositories listed"
            : $"{emphasize(listed.ToString(System.Globalization.CultureInfo.InvariantCulture))} {Quantity.Noun(listed, "image")} listed, all kept";
        return $"In-use file {escape(file.Path)}: {Quantity.Of(file.Uses.Count, "reference")} to this registry; {kept}.";
    }

    /// <summary>The one line that says which lines of the in-use file were ignored; null when none was.</summary>
    public static string? IgnoredLines(InUseFileOutcome file, Func<string, string> escape)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(escape);
        var which = file.OtherRegistryLines == 1 ? "names an image of another registry" : "name images of other registries";
        return file.OtherRegistryLines == 0
            ? null
            : $"Ignored {Quantity.Of(file.OtherRegistryLines, "line")} of {escape(file.Path)} that {which} (the first: {escape(file.FirstOtherRegistry ?? string.Empty)}).";
    }

    /// <summary>The warning for a run with the check off; <paramref name="reason"/> is already escaped for the output.</summary>
    public static string Off(string reason) =>
        $"The in-use check was off ({reason}): images that ECS or Lambda use were not protected.";

    /// <summary>What the check read and kept; <paramref name="emphasize"/> formats the count of images in use.</summary>
    public static string Read(InUseCheckOutcome check, int inUse, Func<string, string> emphasize)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(emphasize);
        var found = check.Found;
        var kept = inUse == 0 ? "no image in use" : $"{emphasize(inUse.ToString(System.Globalization.CultureInfo.InvariantCulture))} {Quantity.Noun(inUse, "image")} in use, all kept";
        return $"In-use check: {Quantity.Of(found?.EcsClusters ?? 0, "ECS cluster")} ({Quantity.Of(found?.EcsServices ?? 0, "service")}, "
            + $"{Quantity.Of(found?.EcsTasks ?? 0, "running task")}) and {Quantity.Of(found?.LambdaFunctions ?? 0, "Lambda image function")} read; {kept}.";
    }
}
