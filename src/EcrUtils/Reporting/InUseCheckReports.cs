using EcrUtils.InUse;

namespace EcrUtils.Reporting;

/// <summary>Turns the in-use check's outcome, and what the in-use file brought, into their part of the report.</summary>
internal static class InUseCheckReports
{
    public static InUseCheckReport From(InUseCheckOutcome outcome, InUseFileOutcome? file) => new()
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
        InUseFile = file is null ? null : new InUseFileReport(file.Path, file.Uses.Count, file.OtherRegistryLines, file.FirstOtherRegistry),
    };
}
