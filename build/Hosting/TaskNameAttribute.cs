namespace Build.Hosting;

/// <summary>Names a task; without it the class name is used.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
