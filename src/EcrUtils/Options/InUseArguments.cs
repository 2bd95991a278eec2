using System.Text.RegularExpressions;

namespace EcrUtils.Options;

/// <summary>Reads and checks the in-use arguments, <c>--in-use-check</c>, <c>--ecs-cluster</c> and <c>--in-use-file</c>.</summary>
internal static partial class InUseArguments
{
    /// <summary><c>on</c> (also <c>true</c>, or a bare switch) or <c>off</c> (also <c>false</c>); on when not given.</summary>
    public static bool ReadCheck(ArgumentReader reader) => reader.Single(ArgumentNames.InUseCheck)?.ToLowerInvariant() switch
    {
        null or "on" or "true" => true,
        "off" or "false" => false,
        var other => throw new OptionsException(
            $"--{ArgumentNames.InUseCheck} takes on or off (got '{other}'): it is on unless you pass --{ArgumentNames.InUseCheck}=off."),
    };

    /// <summary>Cluster names or ARNs, repeatable and comma-separated.</summary>
    public static IReadOnlyList<string> ReadClusters(ArgumentReader reader)
    {
        var clusters = reader.CommaSeparated(ArgumentNames.EcsCluster);
        return clusters.FirstOrDefault(c => !ClusterName().IsMatch(c) && !ClusterArn().IsMatch(c)) is { } invalid
            ? throw new OptionsException(
                $"--{ArgumentNames.EcsCluster} '{invalid}' is not an ECS cluster name (up to 255 letters, digits, '-' and '_') "
                + "or cluster ARN (arn:aws:ecs:REGION:ACCOUNT:cluster/NAME).")
            : clusters;
    }

    /// <summary>
    /// The in-use arguments belong to the deleting tasks, and a cluster list means nothing with the check off (the
    /// in-use file protects with the check off too).
    /// </summary>
    public static string? Error(EcrOptions options, EcrTask task)
    {
        var given = options.GivenArguments;
        if (task is EcrTask.GetLatestImages or EcrTask.RestoreImages)
        {
            return given.FirstOrDefault(name => name is ArgumentNames.InUseCheck or ArgumentNames.EcsCluster or ArgumentNames.InUseFile) is { } name
                ? $"--{name} applies to {nameof(EcrTask.DeleteOldestImages)} and {nameof(EcrTask.DeleteAllImages)} only: remove it to run {task}."
                : null;
        }

        return !options.InUseCheck && options.EcsClusters.Count > 0
            ? $"--{ArgumentNames.EcsCluster} has no effect with --{ArgumentNames.InUseCheck}=off: remove one of them."
            : null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,255}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClusterName();

    [GeneratedRegex(@"\Aarn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClusterArn();
}
