using System.Reflection;
using Cake.Core;
using EcrUtils.Options;

namespace Build.Hosting;

/// <summary>Registers Frosting-style task classes with Cake's engine.</summary>
internal static class TaskRegistration
{
    // Exported types only, as Cake.Frosting finds them: a task that is not public would vanish with the real package.
    public static IReadOnlyList<Type> FindTasks(Assembly assembly) =>
        [.. assembly.GetExportedTypes().Where(t => typeof(IFrostingTask).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })];

    /// <summary>A target that names no task is a usage error (exit code 2) that says which task was meant.</summary>
    public static void CheckTargets(ICakeEngine engine, IReadOnlyList<string> targets)
    {
        var names = engine.Tasks.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        foreach (var target in targets.Where(t => !names.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            var meant = ClosestNames.Of(target, names) switch
            {
                [] => string.Empty,
                [var one] => $" Did you mean {one}?",
                var several => $" Did you mean one of {string.Join(", ", several)}?",
            };
            throw new CakeException(2, $"There is no task '{target}'.{meant} The tasks are {string.Join(", ", names)}; ./build.sh without a target describes them.");
        }
    }

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
