using System.Text.RegularExpressions;

namespace EcrUtils.Options;

/// <summary>The formats AWS gives names and ids.</summary>
internal static partial class ArgumentFormats
{
    /// <summary>
    /// ECR's repository name rule:
    /// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html#ECR-CreateRepository-request-repositoryName
    /// </summary>
    public static bool IsRepositoryName(string name) => name.Length is >= 2 and <= 256 && RepositoryName().IsMatch(name);

    /// <summary>A 12-digit AWS account id.</summary>
    public static bool IsRegistryId(string id) => id.Length == 12 && id.All(char.IsAsciiDigit);

    /// <summary>An AWS region code such as <c>eu-west-1</c>, <c>us-gov-west-1</c> or <c>cn-north-1</c>.</summary>
    public static bool IsRegion(string region) => Region().IsMatch(region);

    [GeneratedRegex(@"\A(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryName();

    [GeneratedRegex(@"\A[a-z]{2,}(?:-[a-z0-9]+)*-[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Region();
}
