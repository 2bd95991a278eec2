namespace EcrUtils.Tests.Fakes;

/// <summary>A repository as the fake stores it.</summary>
internal sealed class FakeEcrRepository(string name, IReadOnlyDictionary<string, string> tags)
{
    public string Name { get; } = name;

    public string Arn => $"arn:aws:ecr:{FakeEcr.Region}:{FakeEcr.AccountId}:repository/{Name}";

    public string Uri => $"{FakeEcr.AccountId}.dkr.ecr.{FakeEcr.Region}.amazonaws.com/{Name}";

    public Dictionary<string, string> Tags { get; } = new(tags, StringComparer.Ordinal);

    public FakeEcrImages Images { get; } = new();
}
