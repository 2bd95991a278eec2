using EcrUtils.Options;

namespace EcrUtils.Planning;

/// <summary>How a deleting task plans one repository: which environment images it keeps and which lose the environment.</summary>
public sealed class RepositoryPlanner
{
    private readonly Func<ImageRanking, RepositoryPlan> _plan;

    private RepositoryPlanner(Func<ImageRanking, RepositoryPlan> plan) => _plan = plan;

    /// <summary>DeleteOldestImages: keeps the <paramref name="keep"/> newest (see <see cref="DeleteOldestPlanner"/>).</summary>
    public static RepositoryPlanner KeepNewest(int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        return new(ranking => DeleteOldestPlanner.Plan(ranking, keep));
    }

    /// <summary>DeleteAllImages: removes the environment from every image (see <see cref="DeleteAllPlanner"/>).</summary>
    public static RepositoryPlanner RemoveAll { get; } = new(DeleteAllPlanner.Plan);

    /// <summary>The planner of a deleting task.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="task"/> deletes nothing.</exception>
    public static RepositoryPlanner For(EcrTask task, EcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return task switch
        {
            EcrTask.DeleteOldestImages => KeepNewest(options.Keep),
            EcrTask.DeleteAllImages => RemoveAll,
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Only the deleting tasks plan deletions."),
        };
    }

    /// <summary>The plan of a repository ranked as its listing arrived.</summary>
    internal RepositoryPlan Plan(ImageRanking ranking) => _plan(ranking);
}
