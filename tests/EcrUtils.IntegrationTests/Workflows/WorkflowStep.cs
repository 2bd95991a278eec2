using YamlDotNet.RepresentationModel;

namespace EcrUtils.IntegrationTests;

/// <summary>One step of a workflow job.</summary>
public sealed class WorkflowStep
{
    internal WorkflowStep(WorkflowJob job, int index, YamlMappingNode node)
    {
        Job = job;
        Index = index;
        Node = node;
    }

    public WorkflowJob Job { get; }

    public int Index { get; }

    internal YamlMappingNode Node { get; }

    public string? Id => Node.Scalar("id");

    public string? Uses => Node.Scalar("uses");

    public string? Run => Node.Scalar("run");

    public string? If => Node.Scalar("if");

    public IReadOnlyDictionary<string, string> Env => Node.MapOrNull("env").Scalars();

    public IReadOnlyDictionary<string, string> With => Node.MapOrNull("with").Scalars();

    public override string ToString() => $"{Job.Id}: {Node.Scalar("name") ?? Id ?? $"step {Index + 1}"}";
}
