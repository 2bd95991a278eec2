using EcrUtils.Ecs;
using EcrUtils.Lambda;

namespace EcrUtils.InUse;

/// <summary>
/// Reads ECS and Lambda at once; an error stops the check with a message that says what to fix. When both fail, the
/// message is ECS's, as if ECS had been read first (see <see cref="ConcurrentReads"/>): one run, one answer.
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
