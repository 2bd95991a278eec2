using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Aws;
using EcrUtils.Results;
using EcrUtils.Sandbox;
using Polly.Timeout;

namespace Build.Runs;

/// <summary>Turns what stopped a run into the exit code and message the user sees.</summary>
internal static class RunFailure
{
    /// <summary>Records a stopped run in its report and on the console, and returns what to throw.</summary>
    public static async Task<CakeException> EndRunAsync(EcrContext context, SandboxSession? sandbox, RunResult run, string reportPath, Exception exception)
    {
        var failure = exception is OperationCanceledException && context.Stop.Aborted.IsCancellationRequested
            ? new CakeException(ExitCodes.Cancelled, $"Aborted: any deletions in flight were given up, and what they were to remove is recorded as unconfirmed in {reportPath}. Run the same command again: it finds out what they did and finishes the job.")
            : From(exception, reportPath);
        run.Complete(exception is OperationCanceledException ? RunStatus.Cancelled : RunStatus.Failed, failure.Message);
        await RunOutput.WriteAsync(context, sandbox, run, reportPath);
        return failure;
    }

    public static CakeException From(Exception exception, string reportPath) => exception switch
    {
        CakeException cake => cake,
        OperationCanceledException => new CakeException(ExitCodes.Cancelled, $"Cancelled. What was done before is recorded in {reportPath}; run the same command again to finish."),
        OperationFailedException failed => new CakeException(failed.ExitCode, failed.Message),
        AwsConfigurationException configuration => new CakeException(ExitCodes.UsageError, configuration.Message),
        AwsServiceException { IsAccessDenied: true } denied =>
            new CakeException(ExitCodes.Failure, $"{denied.Message}. Check the AWS credentials and that their policy allows ecr:{denied.Operation} (see iam-policy.json). Report: {reportPath}"),
        AwsServiceException ecr => new CakeException(ExitCodes.Failure, $"{ecr.Message}. Report: {reportPath}"),
        TimeoutRejectedException timeout => new CakeException(ExitCodes.Failure, $"ECR did not answer within {timeout.Timeout.TotalSeconds:0} s, even after retries. Check the network and the endpoint (AWS_ENDPOINT_URL), or raise --request-timeout; then run the same command again: what is done stays done. Report: {reportPath}"),
        HttpRequestException http => new CakeException(ExitCodes.Failure, $"Could not reach the ECR endpoint after retries: {http.Message}. Check the network, the region and AWS_ENDPOINT_URL. Report: {reportPath}"),
        _ => new CakeException(ExitCodes.Failure, $"{exception.Message} Report: {reportPath}"),
    };
}
