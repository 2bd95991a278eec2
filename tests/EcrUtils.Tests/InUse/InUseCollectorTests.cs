using System.Net;
using EcrUtils.Ecs;
using EcrUtils.InUse;
using EcrUtils.Lambda;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.InUse;

public sealed class InUseCollectorTests
{
    private const string Repo = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api";
    private readonly FakeEcs _ecs = new();
    private readonly FakeLambda _lambda = new();

    [Fact]
    public async Task CollectAsync_CombinesEcsAndLambda()
    {
        _ecs.AddCluster("prod");
        _ecs.AddService("prod", "api", ("PRIMARY", _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-1")));
        _lambda.AddFunction("resize", $"{Repo}:automation-master-2");
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), []);

        var found = await sut.CollectAsync(CancellationToken.None);

        Assert.Equal(["prod/api", "resize:$LATEST"], found.Uses.Select(u => u.UsedBy).Order(StringComparer.Ordinal));
        Assert.Equal((1, 1, 0, 1), (found.EcsClusters, found.EcsServices, found.EcsTasks, found.LambdaFunctions));
    }

    [Fact]
    public async Task CollectAsync_NamesTheMissingEcsPermission_WhenAccessIsDenied()
    {
        _ecs.Faults.Enqueue(EcsOperation.ListClusters, FakeEcrFault.Error(
            HttpStatusCode.BadRequest, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:ListClusters"));
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), []);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None));

        Assert.Equal(ExitCodes.InUseCheckFailed, error.ExitCode);
        Assert.Contains("Allow ecs:ListClusters", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was deleted", error.Message, StringComparison.Ordinal);
        Assert.Contains("--in-use-check=off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_ReadsEcsAndLambdaAtOnce()
    {
        // ECS's first call waits for Lambda's: read one after the other, ECS first, the check would wait for ever.
        var lambdaCalled = new TaskCompletionSource();
        _lambda.BeforeCall = _ => lambdaCalled.TrySetResult();
        _ecs.AddCluster("prod");
        _ecs.AddService("prod", "api", ("PRIMARY", _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-1")));
        _ecs.Faults.Enqueue(EcsOperation.ListClusters, FakeEcrFault.After(lambdaCalled.Task, FakeEcrFault.ServerError()));
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), []);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("could not read ECS", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _lambda.CallCount(LambdaOperation.ListFunctions));
    }

    [Fact]
    public async Task CollectAsync_ReportsEcsFirst_WhenBothServicesFail_WhicheverFailsFirst()
    {
        // Lambda is refused at once, ECS only after that: ECS's failure is still the one reported, as it would be if
        // ECS were read first.
        var lambdaRefused = new TaskCompletionSource();
        var refusal = FakeEcrFault.Error(HttpStatusCode.Forbidden, "AccessDeniedException", "not authorized");
        _lambda.Faults.Enqueue(LambdaOperation.ListFunctions, refusal with
        {
            Respond = async cancellationToken =>
            {
                var answer = await refusal.Respond(cancellationToken);
                lambdaRefused.TrySetResult();
                return answer;
            },
        });
        _ecs.Faults.Enqueue(EcsOperation.ListClusters, FakeEcrFault.After(lambdaRefused.Task, FakeEcrFault.Error(
            HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform: ecs:ListClusters")));
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), []);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("Allow ecs:ListClusters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_ReadsTheLambdaFunctionsAtOnce()
    {
        _lambda.AddFunction("resize", $"{Repo}:v1");
        _lambda.AddFunction("thumbnail", $"{Repo}:v2");
        // The first function's image waits until both functions' aliases were asked for: read one function after the
        // other, the check would wait for ever.
        var aliasesAsked = 0;
        var bothAsked = new TaskCompletionSource();
        _lambda.BeforeCall = call =>
        {
            if (call.Operation == LambdaOperation.ListAliases && Interlocked.Increment(ref aliasesAsked) == 2)
            {
                bothAsked.TrySetResult();
            }
        };
        _lambda.Faults.Enqueue(LambdaOperation.GetFunction, FakeEcrFault.After(bothAsked.Task, FakeEcrFault.Error(HttpStatusCode.Forbidden, "AccessDeniedException", "not authorized")));
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), []);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("Allow lambda:GetFunction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_NamesTheMissingLambdaPermission_WhenAccessIsDenied()
    {
        _lambda.AddFunction("resize", $"{Repo}:v1");
        _lambda.Faults.Enqueue(LambdaOperation.ListAliases, FakeEcrFault.Error(HttpStatusCode.Forbidden, "AccessDeniedException", "not authorized"));
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), []);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None));

        Assert.Equal(ExitCodes.InUseCheckFailed, error.ExitCode);
        Assert.Contains("Allow lambda:ListAliases", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_Fails_WhenThrottlingLastsPastTheRetries()
    {
        var settings = new EcrRetrySettings { MaxRetryAttempts = 2 };
        var time = new FakeTimeDriver(settings.AttemptTimeout);
        var pipeline = EcrResilience.Create(settings, time);
        _ecs.Faults.When = call => call.Operation == EcsOperation.ListClusters ? FakeEcrFault.Throttling() : null;
        var sut = new InUseCollector(_ecs.CreateClient(pipeline), _lambda.CreateClient(pipeline), []);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => time.RunAsync(() => sut.CollectAsync(CancellationToken.None)));

        Assert.Equal(ExitCodes.InUseCheckFailed, error.ExitCode);
        Assert.Contains("still failing after retries", error.Message, StringComparison.Ordinal);
        Assert.Contains("ThrottlingException", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _ecs.CallCount(EcsOperation.ListClusters));
    }

    [Fact]
    public async Task CollectAsync_GetsThrough_WhenThrottlingStopsWithinTheRetries()
    {
        var settings = new EcrRetrySettings { MaxRetryAttempts = 3 };
        var time = new FakeTimeDriver(settings.AttemptTimeout);
        var pipeline = EcrResilience.Create(settings, time);
        _ecs.AddCluster("prod");
        _ecs.Faults.Enqueue(EcsOperation.ListServices, FakeEcrFault.Throttling(), FakeEcrFault.ServerError());
        var sut = new InUseCollector(_ecs.CreateClient(pipeline), _lambda.CreateClient(pipeline), []);

        var found = await time.RunAsync(() => sut.CollectAsync(CancellationToken.None));

        Assert.Equal(1, found.EcsClusters);
        Assert.Equal(3, _ecs.CallCount(EcsOperation.ListServices));
    }

    [Fact]
    public async Task CollectAsync_IsAUsageError_WhenAGivenClusterDoesNotExist()
    {
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), ["nope"]);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains("--ecs-cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_Fails_WhenATaskDefinitionCannotBeRead()
    {
        _ecs.AddCluster("prod");
        _ecs.AddService("prod", "api", ("PRIMARY", "arn:aws:ecs:us-east-1:123456789012:task-definition/missing:1"));
        var sut = new InUseCollector(_ecs.CreateClient(), _lambda.CreateClient(), []);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None));

        Assert.Equal(ExitCodes.InUseCheckFailed, error.ExitCode);
        Assert.Contains("DescribeTaskDefinition", error.Message, StringComparison.Ordinal);
    }
}
