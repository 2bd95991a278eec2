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

    public string? Scalar(string key) => Node.Scalar(key);
}
