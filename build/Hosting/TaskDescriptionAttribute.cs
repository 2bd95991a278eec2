namespace Build.Hosting;

/// <summary>The one-line description that <c>--description</c> and the task list show.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TaskDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
