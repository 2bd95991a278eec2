using YamlDotNet.RepresentationModel;

namespace EcrUtils.IntegrationTests;

/// <summary>Reads a parsed workflow by key, saying which key is missing rather than throwing a bare cast error.</summary>
internal static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlMappingNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new InvalidOperationException($"'{key}' is missing or not a mapping at {node.Start}.");

    public static YamlMappingNode? MapOrNull(this YamlMappingNode node, string key) => node.Get(key) as YamlMappingNode;

    public static YamlSequenceNode Sequence(this YamlMappingNode node, string key) =>
        node.Get(key) as YamlSequenceNode ?? throw new InvalidOperationException($"'{key}' is missing or not a list at {node.Start}.");

    /// <summary>The scalar under <paramref name="key"/>, or null when there is none.</summary>
    public static string? Scalar(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlMappingNode node) =>
        node.Children.Select(entry => KeyValuePair.Create(((YamlScalarNode)entry.Key).Value ?? string.Empty, entry.Value));

    /// <summary>A mapping of scalars (env:, with:, outputs:), as strings.</summary>
    public static IReadOnlyDictionary<string, string> Scalars(this YamlMappingNode? node) =>
        node is null
            ? new Dictionary<string, string>()
            : node.Entries().ToDictionary(entry => entry.Key, entry => (entry.Value as YamlScalarNode)?.Value ?? string.Empty, StringComparer.Ordinal);
}
