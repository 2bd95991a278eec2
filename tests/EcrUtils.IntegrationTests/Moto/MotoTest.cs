namespace EcrUtils.IntegrationTests;

/// <summary>
/// Base class of tests against moto: starts each test from an empty registry with auth off.
/// Derived classes carry <c>[Collection(MotoCollectionDefinition.Name)]</c>.
/// </summary>
public abstract class MotoTest(MotoServer server) : IAsyncLifetime
{
    protected MotoServer Server { get; } = server;

    protected MotoRegistry Registry { get; } = new(server);

    public virtual Task InitializeAsync() => Server.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
