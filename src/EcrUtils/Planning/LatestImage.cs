using EcrUtils.Ecr;

namespace EcrUtils.Planning;

/// <summary>The newest image of an environment in one repository.</summary>
/// <param name="Image">The image.</param>
/// <param name="Tag">Its greatest non-floating environment tag, e.g. <c>automation-master-17</c>.</param>
public sealed record LatestImage(EcrImage Image, string Tag);
