using EcrUtils.Ecs;
using EcrUtils.Lambda;

namespace EcrUtils.InUse;

/// <summary>
/// Reads ECS and Lambda at once; any error stops the check (and the other service's reads) with a message that says
/// what to fix.
/// </summary>
internal sealed class InUseCollector(IEcsClient ecs, ILambdaClient lambda, IReadOnlyList<string> ecsClusters) : IInUseCollector
{
    public async Task<InUseImages> CollectAsync(CancellationToken cancellationToken)
    {
        var (fromEcs, fromLambda) = await ConcurrentReads.ReadBothAsync(
            token => InUseCheckFailure.GuardAsync(Aws.AwsService.Ecs, () => new EcsImageUses(ecs).ReadAsync(ecsClusters, token)),
            token => InUseCheckFailure.GuardAsync(Aws.AwsService.Lambda, () => new LambdaImageUses(lambda).ReadAsync(token)),
            cancellationToken).ConfigureAwait(false);
        return new InUseImages(
            [.. fromEcs.Uses, .. fromLambda.Uses],
            fromEcs.EcsClusters,
            fromEcs.EcsServices,
            fromEcs.EcsTasks,
            fromLambda.LambdaFunctions);
    }
}
