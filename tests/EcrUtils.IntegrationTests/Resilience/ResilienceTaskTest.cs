namespace EcrUtils.IntegrationTests;

/// <summary>End-to-end tests of the tasks with a <see cref="FaultProxy"/> between them and moto.</summary>
public abstract class ResilienceTaskTest(MotoServer server) : TaskTest(server)
{
    private FaultProxy? _proxy;

    protected FaultProxy Proxy => _proxy ??= FaultProxy.Start(Server.Endpoint);

    public override async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>Runs <c>./build.sh</c> against the proxy instead of moto.</summary>
    protected Task<ProcessResult> RunThroughProxyAsync(params string[] arguments) =>
        Script.RunAsync([.. arguments, $"--report={ReportPath}"], new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = Proxy.Endpoint });

    /// <summary>Every image of every repository as "repository digest tag,tag", sorted: two runs compare equal on it.</summary>
    protected async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        var state = await Registry.GetStateAsync();
        return
        [
            .. state.Repositories
                .SelectMany(r => r.Images.Select(i => $"{r.Name} {i.Digest} {string.Join(',', i.Tags.Order(StringComparer.Ordinal))}"))
                .Order(StringComparer.Ordinal),
        ];
    }
}
