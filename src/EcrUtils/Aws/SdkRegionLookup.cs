using Amazon.Runtime;

namespace EcrUtils.Aws;

/// <summary>The SDK's region fallback (profile, then EC2 instance metadata), with a time limit on the metadata probe.</summary>
internal static class SdkRegionLookup
{
    // On EC2 the metadata service answers in milliseconds; elsewhere the SDK waits about 16 s for it to time out.
    private static readonly TimeSpan s_metadataTimeout = TimeSpan.FromSeconds(2);

    public static string? Find(Func<string, string?> getEnvironmentVariable)
    {
        var fromProfile = FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false);
        if (fromProfile is not null || AwsEnvironmentVariables.IsTrue(getEnvironmentVariable, AwsEnvironmentVariables.MetadataDisabled))
        {
            return fromProfile?.SystemName;
        }

        var probe = Task.Run(() => FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: true));
        return probe.Wait(s_metadataTimeout) ? probe.Result?.SystemName : null;
    }
}
