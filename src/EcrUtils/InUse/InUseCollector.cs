using EcrUtils.Ecs;
using EcrUtils.Lambda;

namespace EcrUtils.InUse;

/// <summary>Reads ECS, then Lambda; any error stops the check with a message that says what to fix.</summary>
internal sealed class InUseCollector(IEcsClient ecs, ILambdaClient lambda, IReadOnlyList<string> ecsClusters) : IInUseCollector
{
    public async Task<InUseImages> CollectAsync(CancellationToken cancellationToken)
    {
        var fromEcs = await InUseCheckFailure.GuardAsync(
            Aws.AwsService.Ecs,
            () => new EcsImageUses(ecs).ReadAsync(ecsClusters, cancellationToken)).ConfigureAwait(false);
        var fromLambda = await InUseCheckFailure.GuardAsync(
            Aws.AwsService.Lambda,
            () => new LambdaImageUses(lambda).ReadAsync(cancellationToken)).ConfigureAwait(false);
        return new InUseImages(
            [.. fromEcs.Uses, .. fromLambda.Uses],
            fromEcs.EcsClusters,
            fromEcs.EcsServices,
            fromEcs.EcsTasks,
            fromLambda.LambdaFunctions);
    }
}
