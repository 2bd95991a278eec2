namespace EcrUtils.Lambda;

/// <summary>A Lambda function as ListFunctions reports it.</summary>
/// <param name="Name">The function name.</param>
/// <param name="PackageType"><c>Image</c> for a function deployed as a container image, <c>Zip</c> otherwise.</param>
internal sealed record LambdaFunction(string Name, string? PackageType)
{
    public bool IsImage => string.Equals(PackageType, "Image", StringComparison.OrdinalIgnoreCase);
}
