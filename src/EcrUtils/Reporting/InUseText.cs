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

    /// <summary>The warning for a run with the check off; <paramref name="reason"/> is already escaped for the output.</summary>
    public static string Off(string reason) =>
        $"The in-use check was off ({reason}): images that ECS or Lambda use were not protected.";

    /// <summary>What the check read and kept; <paramref name="count"/> is already formatted for the output.</summary>
    public static string Read(InUseCheckOutcome check, string count)
    {
        ArgumentNullException.ThrowIfNull(check);
        var found = check.Found;
        return $"In-use check: {found?.EcsClusters ?? 0} ECS clusters ({found?.EcsServices ?? 0} services, {found?.EcsTasks ?? 0} running tasks) and "
            + $"{found?.LambdaFunctions ?? 0} Lambda image functions read; {count} images in use, all kept.";
    }
}
