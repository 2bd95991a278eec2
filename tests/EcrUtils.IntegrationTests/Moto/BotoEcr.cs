using System.Diagnostics;
using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Calls moto's ECR through boto3 (<c>Moto/ecr_call.py</c>): a signer independent of the code under
/// test, to check the server side of signature and permission tests.
/// </summary>
internal static class BotoEcr
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static async Task<BotoResult> CallAsync(
        MotoServer server,
        string accessKeyId,
        string secretAccessKey,
        string operation,
        object? parameters = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(PythonInterpreter.Find());
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Moto", "ecr_call.py"));
        startInfo.ArgumentList.Add(operation);
        startInfo.ArgumentList.Add(JsonSerializer.Serialize(parameters ?? new { }, s_json));
        ChildEnvironment.Isolate(startInfo.Environment);
        foreach (var (name, value) in server.AwsEnvironment())
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId;
        startInfo.Environment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey;

        var result = await ChildProcess.RunAsync(startInfo, s_timeout, cancellationToken);
        var output = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException(
                $"boto3 could not call {operation} (is boto3 installed next to moto?): {result}");
        }

        return JsonSerializer.Deserialize<BotoResult>(output, s_json)
            ?? throw new InvalidOperationException($"ecr_call.py printed an unexpected line: {output}");
    }
}
