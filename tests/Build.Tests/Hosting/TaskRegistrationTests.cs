using Build.Hosting;

namespace Build.Tests.Hosting;

public sealed class TaskRegistrationTests
{
    [Fact]
    public void FindTasks_TakesPublicTasksOnly_AsCakeFrostingDoes()
    {
        var found = TaskRegistration.FindTasks(typeof(TaskRegistrationTests).Assembly);

        Assert.Contains(typeof(PublicTask), found);
        // Cake.Frosting would never register it: a task that works here must not vanish there.
        Assert.DoesNotContain(typeof(InternalTask), found);
    }

    [Fact]
    public void FindTasks_FindsEveryTaskOfTheHost()
    {
        var host = typeof(EcrContext).Assembly;
        var tasks = host.GetTypes().Where(t => typeof(IFrostingTask).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();

        var found = TaskRegistration.FindTasks(host);

        Assert.NotEmpty(tasks);
        Assert.Equal(tasks.OrderBy(t => t.FullName), found.OrderBy(t => t.FullName));
    }
}
