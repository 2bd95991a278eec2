namespace EcrUtils.Options;

/// <summary>
/// One line of help per argument the parser takes, for <c>--help</c> and <c>./build.sh</c> without a target: the same
/// names as the parser's (a test holds the two together), the details in README.md.
/// </summary>
public static class ArgumentHelp
{
    /// <summary>Every argument with its value's form and what it does, in the order people need them.</summary>
    public static IReadOnlyList<(string Usage, string Meaning)> Lines { get; } =
    [
        (Usage(ArgumentNames.Environment, "NAME"), "The environment whose images to handle (required), e.g. automation-master."),
        (Usage(ArgumentNames.Repository, "NAME[,NAME]"), "Repositories to work on (repeatable)."),
        (Usage(ArgumentNames.AllRepositories), "Every repository of the registry, instead of --repository."),
        (Usage(ArgumentNames.RepositoryPattern, "REGEX"), "Only repositories whose name matches."),
        (Usage(ArgumentNames.RepositoryTag, "KEY=VALUE"), "Only repositories with this resource tag (repeatable)."),
        (Usage(ArgumentNames.ExcludeRepository, "NAME[,NAME]"), "Repositories to leave out (repeatable)."),
        (Usage(ArgumentNames.RegistryId, "ACCOUNT"), "The 12-digit account id of another registry."),
        (Usage(ArgumentNames.Region, "REGION"), "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, profile)."),
        (Usage(ArgumentNames.Keep, "N"), "DeleteOldestImages: how many of the newest images to keep (default 2)."),
        (Usage(ArgumentNames.OlderThan, "DURATION"), "Deleting tasks: only remove images pushed longer ago than this, e.g. 14d or 36h."),
        (Usage(ArgumentNames.KeepPulledWithin, "DURATION"), "Deleting tasks: keep images pulled within this, e.g. 7d (ECR records pulls daily: use 2d or more)."),
        (Usage(ArgumentNames.Archive), "Deleting tasks: archive the images that would be deleted instead (restorable with RestoreImages)."),
        (Usage(ArgumentNames.StaleAfter, "DURATION"), "ListEnvironments: an environment neither pushed nor pulled for this long (and not in use) is stale, e.g. 30d."),
        (Usage(ArgumentNames.EnvironmentPattern, "REGEX"), "ListEnvironments: only environments whose whole name matches."),
        (Usage(ArgumentNames.ImageTag, "TAG[,TAG]"), "RestoreImages: restore the archived image holding this tag (repeatable)."),
        (Usage(ArgumentNames.AllArchived), "RestoreImages: restore every archived image of --environment."),
        (Usage(ArgumentNames.Wait), "RestoreImages: wait until the restored images can be pulled."),
        (Usage(ArgumentNames.WaitTimeout, "DURATION"), "RestoreImages --wait: how long at most, e.g. 30m (default) or 2h; then exit code 6."),
        (Usage(ArgumentNames.ProtectTag, "REGEX"), "An image holding a matching tag is never touched (repeatable)."),
        (Usage(ArgumentNames.TagPattern, "REGEX"), "The environment's tags, anchored, with {environment} (default ^{environment}-[^-]+$)."),
        (Usage(ArgumentNames.FloatingTagPattern, "REGEX"), "Floating tags, which move between images: never reported as an image's tag, never removed by DeleteOldestImages (default (^|-)latest$)."),
        (Usage(ArgumentNames.FallbackEnvironment, "NAME"), "GetLatestImages: the environment to fall back to where --environment has none."),
        (Usage(ArgumentNames.Confirm, "NAME"), "DeleteAllImages: the environment name again."),
        (Usage(ArgumentNames.Preview), "Plan and report, delete nothing."),
        (Usage(ArgumentNames.Report, "PATH"), "Where to write the JSON report (default artifacts/<Task>-<environment>.json)."),
        (Usage(ArgumentNames.MaxParallel, "N"), "Repositories and requests in flight at once (1-32, default 4)."),
        (Usage(ArgumentNames.MaxRetries, "N"), "Retries of a throttled, failed or timed-out request (0-20, default 6)."),
        (Usage(ArgumentNames.RequestTimeout, "SECONDS"), "How long one request may take (1-120, default 30)."),
        (Usage(ArgumentNames.InUseCheck, "on|off"), "Keep the images that ECS and Lambda use (default on)."),
        (Usage(ArgumentNames.EcsCluster, "NAME[,NAME]"), "The ECS clusters the in-use check reads (default every cluster)."),
        (Usage(ArgumentNames.InUseFile, "PATH"), "Images in use elsewhere (EKS, hosts), one a line: repo:tag, repo@sha256:… or their ECR URIs; kept like images in use."),
        (Usage(ArgumentNames.Sandbox), "Run against a throwaway demo registry on 127.0.0.1 instead of AWS."),
    ];

    private static string Usage(string name, string? value = null) => value is null ? $"--{name}" : $"--{name}={value}";
}
