namespace EcrUtils.Ecr;

/// <summary>An ECR repository.</summary>
/// <param name="Name">The repository name, e.g. <c>team/api</c>.</param>
/// <param name="Arn">The repository ARN.</param>
/// <param name="RegistryId">The AWS account id of the registry.</param>
/// <param name="Uri">The repository URI, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api</c>.</param>
public sealed record EcrRepository(string Name, string Arn, string RegistryId, string Uri)
{
    /// <summary>
    /// The registry's region, read from the repository URI (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME</c>); null
    /// when the URI has another form.
    /// </summary>
    public string? Region
    {
        get
        {
            var labels = Uri.Split('/')[0].Split('.');
            var ecr = Array.IndexOf(labels, "ecr");
            return ecr > 0 && ecr + 1 < labels.Length - 1 ? labels[ecr + 1] : null;
        }
    }
}
