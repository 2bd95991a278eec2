using System.Globalization;
using Amazon.Runtime;
using Cake.Core;
using EcrUtils.Connections;
using EcrUtils.Options;
using EcrUtils.Reporting;
using Spectre.Console;

namespace EcrUtils.Sandbox;

/// <summary>
/// A run's throwaway registry: moto on 127.0.0.1, seeded with the demo registry, shown before and after the task, and
/// stopped when the run ends however it ends. The client it hands out reaches nothing else: its endpoint, region and
/// credentials come from here, never from the environment or the AWS profile.
/// </summary>
public sealed class SandboxSession : IAsyncDisposable
{
    internal const string DefaultRegion = "us-east-1";

    // As wide as the host's console report when the output is redirected, so that a log reads as a terminal would.
    private const int RedirectedWidth = 200;

    private static readonly TimeSpan s_afterTimeout = TimeSpan.FromSeconds(15);

    // moto accepts any key while its auth checks are off (they are, unless asked for), but a request must be signed.
    private static readonly BasicAWSCredentials s_credentials = new("ASIASANDBOXDUMMYKEY0", "sandbox-dummy-secret-access-key");

    private readonly SandboxProcess _process;
    private readonly SandboxApi _api;
    private readonly EcrTask _task;
    private RegistryState _before = new([]);

    private SandboxSession(SandboxProcess process, string region, EcrTask task)
    {
        _process = process;
        Region = region;
        _task = task;
        _api = new SandboxApi(process.Endpoint, region);
    }

    internal string Region { get; }

    /// <summary>Starts moto, seeds the demo registry and shows it.</summary>
    /// <exception cref="CakeException">moto is missing (exit code 2) or did not start, or the run was cancelled meanwhile.</exception>
    internal static async Task<SandboxSession> StartAsync(
        IAnsiConsole console, EcrTask task, string? region, Func<string, string?> getEnvironmentVariable, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        try
        {
            var process = await SandboxProcess.StartAsync(getEnvironmentVariable, cancellationToken).ConfigureAwait(false);
            var session = new SandboxSession(process, region ?? DefaultRegion, task);
            try
            {
                await session._api.SeedAsync(DemoRegistry.Create(timeProvider.GetUtcNow(), session.Region), cancellationToken).ConfigureAwait(false);
                session._before = await session._api.ReadAsync(cancellationToken).ConfigureAwait(false);
                session.WriteIntroduction(console);
                return session;
            }
            catch
            {
                await session.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CakeException(ExitCodes.Cancelled, "Cancelled while the sandbox was starting; nothing was run.");
        }
    }

    /// <summary>The client settings, pointed at the sandbox with its dummy credentials whatever the environment says.</summary>
    internal AwsConnectionOptions Redirect(AwsConnectionOptions options) => options with
    {
        Region = Region,
        Credentials = s_credentials,
        GetEnvironmentVariable = name => name switch
        {
            "AWS_ENDPOINT_URL" => _process.Endpoint.GetLeftPart(UriPartial.Authority),
            "AWS_REGION" => Region,
            _ => null,
        },
    };

    /// <summary>Shows what the run changed; a registry that cannot be read any more is said, not thrown.</summary>
    public async Task WriteAfterAsync(IAnsiConsole console)
    {
        // The run's token may be cancelled already (Ctrl+C): the registry is still worth showing.
        using var timeout = new CancellationTokenSource(s_afterTimeout);
        RegistryState after;
        try
        {
            after = await _api.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or CakeException)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[yellow]Could not read the sandbox registry after the run: {0}[/]", Markup.Escape(ex.Message));
            return;
        }

        var changes = RegistryChanges.Compare(_before, after);
        console.WriteLine();
        if (!changes.Any)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[bold]Sandbox registry after {0}: unchanged.[/]", _task);
            return;
        }

        var archival = (changes.ImagesArchived > 0 ? $", {Count(changes.ImagesArchived, "image")} archived" : string.Empty)
            + (changes.ImagesRestored > 0 ? $", {Count(changes.ImagesRestored, "image")} restored" : string.Empty);
        console.MarkupLine(
            CultureInfo.InvariantCulture,
            "[bold]Sandbox registry after {0}: {1} deleted, {2} gone, {3} freed{4}.[/]",
            _task,
            Count(changes.ImagesDeleted, "image"),
            Count(changes.TagsRemoved, "tag"),
            ByteSize.Format(changes.BytesFreed),
            archival);
        RegistryTables.WriteAfter(console, changes);
    }

    /// <summary>Stops moto; the registry is gone with it.</summary>
    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _process.DisposeAsync().ConfigureAwait(false);
    }

    private void WriteIntroduction(IAnsiConsole console)
    {
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        var images = _before.Repositories.Sum(r => r.Images.Count);
        console.MarkupLine(
            CultureInfo.InvariantCulture,
            "[bold]Sandbox:[/] a throwaway registry on {0} (moto, process {1}), seeded with demo images in {2}.",
            Markup.Escape(_process.Endpoint.GetLeftPart(UriPartial.Authority)),
            _process.ProcessId,
            Markup.Escape(Region));
        console.WriteLine(
            "It signs with dummy credentials and ignores AWS_PROFILE, AWS_ENDPOINT_URL and all other AWS settings, so no "
            + "real registry is touched. It stops when the task ends.");
        console.WriteLine(
            $"Environments: {DemoRegistry.MasterEnvironment}, and the branches {DemoRegistry.BranchEnvironment} and "
            + $"{DemoRegistry.OtherBranchEnvironment}. Also try:");
        console.WriteLine($"  ./build.sh --target=GetLatestImages --environment={DemoRegistry.MasterEnvironment} --all-repositories --sandbox");
        console.WriteLine(
            $"  ./build.sh --target=DeleteAllImages --environment={DemoRegistry.BranchEnvironment} --all-repositories --sandbox "
            + $"--confirm={DemoRegistry.BranchEnvironment}");
        console.WriteLine();
        console.MarkupLine(
            CultureInfo.InvariantCulture,
            "[bold]Sandbox registry before {0}: {1} repositories, {2} images.[/]",
            _task,
            _before.Repositories.Count,
            images);
        RegistryTables.WriteBefore(console, _before);
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
