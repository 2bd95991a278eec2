using System.Text.Json.Nodes;
using EcrUtils.Aws;
using EcrUtils.Lambda;
using Polly;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// An in-memory AWS Lambda (functions, published versions, aliases) served in-process over Lambda's REST-JSON
/// protocol, for tests of the in-use check. It pages like Lambda (at most 50 functions a page) and injects faults
/// like <see cref="FakeEcr"/>.
/// </summary>
internal sealed class FakeLambda
{
    public const int MaxPage = 50;
    private readonly Dictionary<string, int> _callCounts = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];

    public static Uri Endpoint { get; } = new($"https://lambda.{FakeEcr.Region}.amazonaws.com/");

    public FakeEcrFaults Faults { get; } = new();

    /// <summary>Runs before each call is answered (after faults), e.g. to delete a function between two calls.</summary>
    public Action<FakeEcrCall>? BeforeCall { get; set; }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (Gate)
            {
                return [.. _violations];
            }
        }
    }

    internal Lock Gate { get; } = new();

    internal SortedDictionary<string, FakeLambdaFunction> Functions { get; } = new(StringComparer.Ordinal);

    public int CallCount(string operation)
    {
        lock (Gate)
        {
            return _callCounts.GetValueOrDefault(operation);
        }
    }

    /// <summary>Creates a function whose <c>$LATEST</c> runs <paramref name="imageUri"/> (a Zip function when null).</summary>
    public void AddFunction(string name, string? imageUri, string? resolvedImageUri = null)
    {
        lock (Gate)
        {
            var function = new FakeLambdaFunction(name, imageUri is null ? "Zip" : "Image");
            function.Versions["$LATEST"] = (imageUri, resolvedImageUri);
            Functions.Add(name, function);
        }
    }

    /// <summary>Publishes <c>$LATEST</c> as a version and then deploys <paramref name="nextImageUri"/> to <c>$LATEST</c>; returns the version.</summary>
    public string Publish(string name, string? nextImageUri = null)
    {
        lock (Gate)
        {
            var function = Functions[name];
            var version = (function.Versions.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            function.Versions[version] = function.Versions["$LATEST"];
            if (nextImageUri is not null)
            {
                function.Versions["$LATEST"] = (nextImageUri, null);
            }

            return version;
        }
    }

    public void AddAlias(string function, string alias, string version, params string[] weightedVersions)
    {
        lock (Gate)
        {
            Functions[function].Aliases.Add(new FakeLambdaAlias(alias, version, weightedVersions));
        }
    }

    public void RemoveFunction(string name)
    {
        lock (Gate)
        {
            Functions.Remove(name);
        }
    }

    /// <summary>The production client (signing included) over this fake; without a pipeline nothing is retried.</summary>
    public ILambdaClient CreateClient(ResiliencePipeline? pipeline = null) =>
        new LambdaClient(
            SignedHttpClient.Create(FakeEcr.Region, AwsService.Lambda, FakeAwsCredentials.Create(), new FakeLambdaHandler(this)),
            Endpoint,
            pipeline ?? ResiliencePipeline.Empty);

    internal FakeEcrCall RecordCall(string operation, JsonObject query, string authorization)
    {
        lock (Gate)
        {
            var number = _callCounts[operation] = _callCounts.GetValueOrDefault(operation) + 1;
            return new FakeEcrCall(operation, number, query, authorization, string.Empty);
        }
    }

    internal ContractViolationException Violation(string message)
    {
        lock (Gate)
        {
            _violations.Add(message);
        }

        return new ContractViolationException(message);
    }
}
