using EcrUtils.Aws;
using EcrUtils.Resilience;

namespace EcrUtils.InUse;

/// <summary>
/// Turns what stopped the in-use check into a message that names the service, the operation and, for a denial, the
/// IAM action to allow. Nothing may be deleted when the check cannot run: an image in use might go.
/// </summary>
internal static class InUseCheckFailure
{
    private static readonly HashSet<string> s_deniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException",
        "AccessDenied",
        "UnauthorizedOperation",
        "UnrecognizedClientException",
        "InvalidClientTokenId",
        "SignatureDoesNotMatch",
        "ExpiredTokenException",
    };

    private static readonly string s_nothingDeleted =
        $"Nothing was deleted. If no ECS service, ECS task or Lambda function of this account and region runs images of this "
        + $"registry, --{ArgumentNames.InUseCheck}=off skips the check.";

    public static async Task<T> GuardAsync<T>(AwsService service, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (service == AwsService.Ecs && ex.ErrorCode == "ClusterNotFoundException")
        {
            throw new OperationFailedException(
                ExitCodes.UsageError,
                $"The in-use check found no such ECS cluster: {ex.ServiceMessage}. Check --{ArgumentNames.EcsCluster} "
                + "(cluster names or ARNs of this account and region). Nothing was deleted.",
                ex);
        }
        catch (AwsServiceException ex) when (s_deniedCodes.Contains(ex.ErrorCode))
        {
            throw new OperationFailedException(
                ExitCodes.InUseCheckFailed,
                $"The in-use check could not read {service.DisplayName}: {ex.Message}. Allow {service.SigningName}:{ex.Operation} "
                + $"to these credentials (iam-policy.json lists every action EcrUtils needs). {s_nothingDeleted}",
                ex);
        }
        catch (Exception ex) when (EcrResilience.IsTransient(ex))
        {
            var what = ex is AwsServiceException ecr ? ecr.Message : $"could not reach {service.DisplayName} ({ex.Message}); check the network, the region and "
                + $"{service.EndpointVariable} or {AwsEnvironmentVariables.EndpointUrl}";
            throw new OperationFailedException(
                ExitCodes.InUseCheckFailed,
                $"The in-use check could not read {service.DisplayName}, still failing after retries: {what}. Run the command again later. {s_nothingDeleted}",
                ex);
        }
        catch (AwsServiceException ex)
        {
            throw new OperationFailedException(
                ExitCodes.InUseCheckFailed,
                $"The in-use check could not read {service.DisplayName}: {ex.Message}. {s_nothingDeleted}",
                ex);
        }
    }
}
