using YamlDotNet.RepresentationModel;

namespace EcrUtils.IntegrationTests;

/// <summary>One job of a workflow.</summary>
public sealed class WorkflowJob
{
    internal WorkflowJob(string id, YamlMappingNode node)
    {
        Id = id;
        Node = node;
        Steps = node.Get("steps") is YamlSequenceNode steps
            ? [.. steps.Children.Select((step, index) => new WorkflowStep(this, index, (YamlMappingNode)step))]
            : [];
    }

    public string Id { get; }

    internal YamlMappingNode Node { get; }

    public IReadOnlyList<WorkflowStep> Steps { get; }

    public IReadOnlyDictionary<string, string> Env => Node.MapOrNull("env").Scalars();

    public IReadOnlyDictionary<string, string> Outputs => Node.MapOrNull("outputs").Scalars();

    /// <summary>The workflow a job calls (<c>uses:</c>), or null for a job that runs steps.</summary>
    public string? Uses => Node.Scalar("uses");

    /// <summary>The inputs a job that calls a workflow gives it.</summary>
    public IReadOnlyDictionary<string, string> With => Node.MapOrNull("with").Scalars();

    /// <summary>The permissions a job grants, by scope (none for <c>permissions: {}</c>).</summary>
    public IReadOnlyDictionary<string, string> Permissions => Node.MapOrNull("permissions").Scalars();

    public string? Scalar(string key) => Node.Scalar(key);
}
