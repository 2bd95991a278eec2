using System.Diagnostics;
using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Creates ECS services, running tasks and Lambda image functions in moto through boto3
/// (<c>Moto/moto_workloads.py</c>), one process for the whole spec. moto's auth must be off meanwhile.
/// </summary>
internal static class MotoWorkloads
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The reference to an image in moto's registry, from <c>repository:tag</c>, e.g. <c>api:automation-master-2</c>.</summary>
    public static string Image(MotoServer server, string repositoryAndTag) =>
        $"{server.AccountId}.dkr.ecr.{server.Region}.amazonaws.com/{repositoryAndTag}";

    public static async Task CreateAsync(MotoServer server, WorkloadSpec spec, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(PythonInterpreter.Find());
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Moto", "moto_workloads.py"));
        startInfo.ArgumentList.Add(JsonSerializer.Serialize(spec, s_json));
        ChildEnvironment.Isolate(startInfo.Environment);
        foreach (var (name, value) in server.AwsEnvironment())
        {
            startInfo.Environment[name] = value;
        }

        var result = await ChildProcess.RunAsync(startInfo, s_timeout, cancellationToken);
        if (result.ExitCode != 0 || !result.StandardOutput.Contains("\"ok\": true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"moto_workloads.py could not create the workloads (is boto3 installed next to moto?): {result}");
        }
    }
}

/// <summary>What <see cref="MotoWorkloads"/> creates; see <c>Moto/moto_workloads.py</c>.</summary>
internal sealed record WorkloadSpec(IReadOnlyList<ClusterSpec> Clusters, IReadOnlyList<FunctionSpec> Functions);

internal sealed record ClusterSpec(string Name, IReadOnlyList<ServiceSpec> Services, IReadOnlyList<TaskSpec> Tasks);

internal sealed record ServiceSpec(string Name, string Image);

internal sealed record TaskSpec(string Family, string Image);

internal sealed record FunctionSpec(string Name, string Image, IReadOnlyList<string> Aliases);
