namespace EcrUtils.IntegrationTests;

/// <summary>
/// Every test against moto joins this collection: one server for the run, one test at a time, and
/// no other test class running beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MotoCollectionDefinition : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
