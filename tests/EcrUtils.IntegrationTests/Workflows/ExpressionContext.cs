using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The values a GitHub runner substitutes for <c>${{ context.path }}</c> in a workflow's <c>env:</c> and
/// <c>outputs:</c>. Only plain references are evaluated, and an unknown one is an error: a test never runs
/// something other than what the workflow says, and the workflow keeps its logic in scripts that tests can run.
/// </summary>
public sealed partial class ExpressionContext
{
    private readonly Dictionary<string, string> _values;

    public ExpressionContext()
        : this(new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    private ExpressionContext(Dictionary<string, string> values) => _values = values;

    public string this[string path]
    {
        get => _values.TryGetValue(path, out var value)
            ? value
            : throw new KeyNotFoundException($"The test gives no value for '{path}'; set it, or keep the workflow to the values it knows.");
        set => _values[path] = value;
    }

    /// <summary>
    /// A run's inputs as the workflow declares them for <paramref name="trigger"/>: the defaults, then
    /// <paramref name="given"/>, rendered as GitHub renders them into <c>env:</c> (true, false, 2).
    /// </summary>
    public static ExpressionContext ForInputs(WorkflowFile workflow, string trigger, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(given);
        var declared = workflow.Inputs(trigger);
        var unknown = given.Keys.Except(declared.Keys).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{trigger} has no input {string.Join(", ", unknown)}.", nameof(given));
        }

        var context = new ExpressionContext();
        foreach (var (name, input) in declared)
        {
            var value = given.TryGetValue(name, out var givenValue) ? givenValue : input.Scalar("default");
            if (value is null && input.Scalar("required") == "true")
            {
                throw new ArgumentException($"The input '{name}' is required: give it.", nameof(given));
            }

            context[$"inputs.{name}"] = value ?? string.Empty;
        }

        return context;
    }

    public ExpressionContext Clone() => new(new Dictionary<string, string>(_values, StringComparer.Ordinal));

    /// <summary>Evaluates a value of <c>env:</c> or <c>outputs:</c>.</summary>
    public string Evaluate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("${{", StringComparison.Ordinal))
        {
            return text;
        }

        var reference = Reference().Match(text);
        return reference.Success
            ? this[reference.Groups["path"].Value]
            : throw new NotSupportedException($"Only a plain reference such as '${{{{ inputs.task }}}}' is evaluated here, not '{text}'.");
    }

    public void AddStepOutputs(string stepId, IReadOnlyDictionary<string, string> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var (name, value) in outputs)
        {
            this[$"steps.{stepId}.outputs.{name}"] = value;
        }
    }

    /// <summary>Publishes the job's <c>outputs:</c> to the jobs that need it, as <c>needs.job.outputs.name</c>.</summary>
    public void AddJobOutputs(WorkflowJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        foreach (var (name, expression) in job.Outputs)
        {
            this[$"needs.{job.Id}.outputs.{name}"] = Evaluate(expression);
        }
    }

    /// <summary>One combination of a matrix whose dimension <paramref name="name"/> holds objects.</summary>
    public ExpressionContext WithMatrix(string name, JsonElement entry)
    {
        var context = Clone();
        foreach (var property in entry.EnumerateObject())
        {
            context[$"matrix.{name}.{property.Name}"] = property.Value.ToString();
        }

        return context;
    }

    [GeneratedRegex(@"^\$\{\{\s*(?<path>[A-Za-z_][\w.-]*)\s*\}\}$")]
    private static partial Regex Reference();
}
