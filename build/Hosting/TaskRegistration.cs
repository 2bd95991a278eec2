using System.Reflection;
using Cake.Core;

namespace Build.Hosting;

/// <summary>Registers Frosting-style task classes with Cake's engine.</summary>
internal static class TaskRegistration
{
    // Exported types only, as Cake.Frosting finds them: a task that is not public would vanish with the real package.
    public static IReadOnlyList<Type> FindTasks(Assembly assembly) =>
        [.. assembly.GetExportedTypes().Where(t => typeof(IFrostingTask).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })];

    public static string GetName(Type task) => task.GetCustomAttribute<TaskNameAttribute>()?.Name ?? task.Name;

    public static void Register(ICakeEngine engine, IFrostingTask task, ICakeContext context)
    {
        var type = task.GetType();
        var builder = engine.RegisterTask(GetName(type));

        var description = type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description;
        if (!string.IsNullOrWhiteSpace(description))
        {
            builder.Description(description);
        }

        builder.Does(() => task.RunAsync(context));

        // Hooks are added only where a task overrides them, as Cake.Frosting does: an OnError hook that
        // does nothing would otherwise swallow the task's exception and its exit code.
        if (IsOverridden(type, nameof(IFrostingTask.ShouldRun)))
        {
            builder.WithCriteria(() => task.ShouldRun(context));
        }

        if (IsOverridden(type, nameof(IFrostingTask.OnError)))
        {
            builder.OnError(exception => task.OnError(exception, context));
        }

        if (IsOverridden(type, nameof(IFrostingTask.Finally)))
        {
            builder.Finally(() => task.Finally(context));
        }

        foreach (var dependency in type.GetCustomAttributes<IsDependentOnAttribute>())
        {
            builder.IsDependentOn(GetName(dependency.Task));
        }
    }

    private static bool IsOverridden(Type type, string method) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Any(m => m.Name == method && m.IsVirtual && m.DeclaringType != m.GetBaseDefinition().DeclaringType);
}
