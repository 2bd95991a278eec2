using EcrUtils.Options;

namespace EcrUtils.Planning;

/// <summary>How a deleting task plans one repository: which environment images it keeps and which lose the environment.</summary>
public sealed class RepositoryPlanner
{
    private readonly Func<ImageRanking, RepositoryPlan> _plan;

    private RepositoryPlanner(Func<ImageRanking, RepositoryPlan> plan) => _plan = plan;

    /// <summary>DeleteOldestImages: keeps the <paramref name="keep"/> newest (see <see cref="DeleteOldestPlanner"/>).</summary>
    public static RepositoryPlanner KeepNewest(int keep, Retention? retention = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var criteria = retention ?? Retention.None;
        return new(ranking => DeleteOldestPlanner.Plan(ranking, keep, criteria));
    }

    /// <summary>DeleteAllImages: removes the environment from every image (see <see cref="DeleteAllPlanner"/>).</summary>
    public static RepositoryPlanner RemoveAll(Retention? retention = null)
    {
        var criteria = retention ?? Retention.None;
        return new(ranking => DeleteAllPlanner.Plan(ranking, criteria));
    }

    /// <summary>The planner of a deleting task, with the retention criteria of <paramref name="options"/> measured from <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="task"/> deletes nothing.</exception>
    public static RepositoryPlanner For(EcrTask task, EcrOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retention = Retention.Of(options, now);
        return task switch
        {
            EcrTask.DeleteOldestImages => KeepNewest(options.Keep, retention),
            EcrTask.DeleteAllImages => RemoveAll(retention),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Only the deleting tasks plan deletions."),
        };
    }

    /// <summary>The plan of a repository ranked as its listing arrived.</summary>
    internal RepositoryPlan Plan(ImageRanking ranking) => _plan(ranking);
}
