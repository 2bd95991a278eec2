namespace EcrUtils.Tests.Fakes;

internal sealed record FakeEcsCluster(string Name)
{
    public List<FakeEcsService> Services { get; } = [];

    public List<FakeEcsTask> Tasks { get; } = [];
}

internal sealed record FakeEcsService(string Name, IReadOnlyList<(string Status, string TaskDefinition)> Deployments);

internal sealed record FakeEcsTask(string Arn, string? Group, string TaskDefinition, IReadOnlyList<(string Image, string? Digest)> Containers);
