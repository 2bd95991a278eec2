using YamlDotNet.RepresentationModel;

namespace EcrUtils.IntegrationTests;

/// <summary>A workflow of <c>.github/workflows</c>: its text, as committed, and its parsed YAML.</summary>
public sealed class WorkflowFile
{
    private WorkflowFile(string path, string text, YamlMappingNode root)
    {
        Path = path;
        Text = text;
        Root = root;
        Jobs = [.. root.Map("jobs").Entries().Select(entry => new WorkflowJob(entry.Key, (YamlMappingNode)entry.Value))];
    }

    public string Path { get; }

    public string Text { get; }

    internal YamlMappingNode Root { get; }

    public IReadOnlyList<WorkflowJob> Jobs { get; }

    public IEnumerable<WorkflowStep> Steps => Jobs.SelectMany(job => job.Steps);

    /// <summary>Loads <c>.github/workflows/<paramref name="fileName"/></c> of this repository.</summary>
    public static WorkflowFile Load(string fileName) =>
        Parse(System.IO.Path.Combine(RepositoryRoot.Find(), ".github", "workflows", fileName));

    public static WorkflowFile Parse(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new WorkflowFile(path, text, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>The events that start the workflow (<c>on:</c>), as a mapping.</summary>
    internal YamlMappingNode Triggers => Root.Map("on");

    /// <summary>The inputs of <paramref name="trigger"/> (workflow_dispatch or workflow_call), by name.</summary>
    internal IReadOnlyDictionary<string, YamlMappingNode> Inputs(string trigger) =>
        Triggers.Map(trigger).Map("inputs").Entries().ToDictionary(entry => entry.Key, entry => (YamlMappingNode)entry.Value, StringComparer.Ordinal);

    public WorkflowJob Job(string id) =>
        Jobs.SingleOrDefault(job => job.Id == id) ?? throw new InvalidOperationException($"{Path} has no job '{id}'.");

    /// <summary>The step with <c>id: <paramref name="id"/></c>.</summary>
    public WorkflowStep Step(string id) =>
        Steps.SingleOrDefault(step => step.Id == id) ?? throw new InvalidOperationException($"{Path} has no step with id '{id}'.");
}
