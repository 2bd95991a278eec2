using EcrUtils.InUse;

namespace EcrUtils.Tests.Fakes;

/// <summary>An in-use check that finds the given references (or fails), and counts its calls.</summary>
internal sealed class FakeInUseCollector(InUseImages found, OperationFailedException? failure = null) : IInUseCollector
{
    private const string Host = $"{FakeEcr.AccountId}.dkr.ecr.{FakeEcr.Region}.amazonaws.com";

    public int Calls { get; private set; }

    /// <summary>References to images of the fake registry, e.g. <c>("api:automation-master-2", "prod/api")</c>.</summary>
    public static FakeInUseCollector Using(params (string RepositoryAndImage, string UsedBy)[] uses) =>
        new(new InUseImages(
            [.. uses.Select(u => ImageReference.TryParse($"{Host}/{u.RepositoryAndImage}", out var reference)
                ? new ImageUse(reference, u.UsedBy)
                : throw new ArgumentException($"Not a reference: {u.RepositoryAndImage}", nameof(uses)))],
            EcsClusters: 1,
            EcsServices: uses.Length,
            EcsTasks: 0,
            LambdaFunctions: 0));

    public Task<InUseImages> CollectAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return failure is null ? Task.FromResult(found) : Task.FromException<InUseImages>(failure);
    }
}
