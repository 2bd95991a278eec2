namespace EcrUtils.Reporting;

/// <summary>What the console and the job summary say about the in-use check, in one place.</summary>
public static class InUseText
{
    /// <summary>The images the check kept, with their repository.</summary>
    public static IReadOnlyList<(string Repository, ImageReport Image)> ImagesInUse(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Repositories.SelectMany(r => r.Images.Where(i => i.InUseBy.Count > 0).Select(i => (r.Name, i)))];
    }

    /// <summary>The warning for a run with the check off; <paramref name="reason"/> is already escaped for the output.</summary>
    public static string Off(string reason) =>
        $"The in-use check was off ({reason}): images that ECS or Lambda use were not protected.";

    /// <summary>What the check read and kept; <paramref name="count"/> is already formatted for the output.</summary>
    public static string Read(InUseCheckReport check, string count)
    {
        ArgumentNullException.ThrowIfNull(check);
        return $"In-use check: {check.EcsClusters} ECS clusters ({check.EcsServices} services, {check.EcsTasks} running tasks) and "
            + $"{check.LambdaFunctions} Lambda image functions read; {count} images in use, all kept.";
    }
}
