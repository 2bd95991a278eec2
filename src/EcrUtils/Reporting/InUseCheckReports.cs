using EcrUtils.InUse;

namespace EcrUtils.Reporting;

/// <summary>Turns the in-use check's outcome into its part of the report.</summary>
internal static class InUseCheckReports
{
    public static InUseCheckReport From(InUseCheckOutcome outcome) => new()
    {
        Status = outcome.Status switch
        {
            InUseCheckStatus.Done => "done",
            InUseCheckStatus.Off => "off",
            _ => "failed",
        },
        Message = outcome.Message,
        EcsClusters = outcome.Found?.EcsClusters ?? 0,
        EcsServices = outcome.Found?.EcsServices ?? 0,
        EcsTasks = outcome.Found?.EcsTasks ?? 0,
        LambdaFunctions = outcome.Found?.LambdaFunctions ?? 0,
        References = outcome.Found?.Uses.Count ?? 0,
    };
}
