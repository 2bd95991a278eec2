using System.Collections.Frozen;

namespace EcrUtils;

/// <summary>The command-line argument names, as Cake gives them: lower case, without the leading dashes.</summary>
public static class ArgumentNames
{
    /// <summary>The environment whose images a task works on.</summary>
    public const string Environment = "environment";

    /// <summary>A repository to work on; repeatable and comma-separated.</summary>
    public const string Repository = "repository";

    /// <summary>Work on every repository of the registry (narrowed by the filters).</summary>
    public const string AllRepositories = "all-repositories";

    /// <summary>A regular expression that repository names must match.</summary>
    public const string RepositoryPattern = "repository-pattern";

    /// <summary>A <c>Key=Value</c> resource tag that repositories must carry; repeatable.</summary>
    public const string RepositoryTag = "repository-tag";

    /// <summary>A repository to leave out; repeatable and comma-separated.</summary>
    public const string ExcludeRepository = "exclude-repository";

    /// <summary>The AWS account id of the registry, when it is not the caller's.</summary>
    public const string RegistryId = "registry-id";

    /// <summary>The AWS region of the registry.</summary>
    public const string Region = "region";

    /// <summary>The environment tag pattern, with <c>{environment}</c> for the environment name.</summary>
    public const string TagPattern = "tag-pattern";

    /// <summary>The floating tag pattern.</summary>
    public const string FloatingTagPattern = "floating-tag-pattern";

    /// <summary>A pattern of tags that protect their image; repeatable.</summary>
    public const string ProtectTag = "protect-tag";

    /// <summary>How many of the newest images DeleteOldestImages keeps.</summary>
    public const string Keep = "keep";

    /// <summary>The environment name again, to confirm DeleteAllImages.</summary>
    public const string Confirm = "confirm";

    /// <summary>Plan and report, but delete nothing.</summary>
    public const string Preview = "preview";

    /// <summary>The environment GetLatestImages falls back to where the environment has no image.</summary>
    public const string FallbackEnvironment = "fallback-environment";

    /// <summary>The path of the JSON report.</summary>
    public const string Report = "report";

    /// <summary>How many repositories are processed (and ECR requests in flight) at the same time.</summary>
    public const string MaxParallel = "max-parallel";

    /// <summary>How many times a failed ECR request is retried (throttling, 5xx, timeouts, connection failures).</summary>
    public const string MaxRetries = "max-retries";

    /// <summary>How many seconds one ECR request may take before it is abandoned and retried.</summary>
    public const string RequestTimeout = "request-timeout";

    /// <summary><c>on</c> (default) or <c>off</c>: keep the images that ECS and Lambda use.</summary>
    public const string InUseCheck = "in-use-check";

    /// <summary>An ECS cluster the in-use check reads (name or ARN); repeatable. Default: every cluster.</summary>
    public const string EcsCluster = "ecs-cluster";

    /// <summary>A file of the image references in use where the in-use check cannot look (EKS, hosts, other accounts).</summary>
    public const string InUseFile = "in-use-file";

    /// <summary>Run against a throwaway local registry seeded with demo images, never a real one.</summary>
    public const string Sandbox = "sandbox";

    /// <summary>Only images pushed longer ago than this (<c>14d</c>, <c>36h</c>) are removed.</summary>
    public const string OlderThan = "older-than";

    /// <summary>An image whose last recorded pull is within this (<c>7d</c>, <c>48h</c>) is kept.</summary>
    public const string KeepPulledWithin = "keep-pulled-within";

    /// <summary>Archive the images a run would delete, instead of deleting them.</summary>
    public const string Archive = "archive";

    /// <summary>ListEnvironments: an environment whose newest push and last pull are longer ago than this is stale.</summary>
    public const string StaleAfter = "stale-after";

    /// <summary>ListEnvironments: only environments whose whole name matches this .NET regex.</summary>
    public const string EnvironmentPattern = "environment-pattern";

    /// <summary>RestoreImages: restore the archived image holding this tag; repeatable.</summary>
    public const string ImageTag = "image-tag";

    /// <summary>RestoreImages: restore every archived image of the environment.</summary>
    public const string AllArchived = "all-archived";

    /// <summary>RestoreImages: wait until the restored images are active.</summary>
    public const string Wait = "wait";

    /// <summary>RestoreImages --wait: how long to wait at most (<c>30m</c>, <c>2h</c>; default 30m).</summary>
    public const string WaitTimeout = "wait-timeout";

    /// <summary>Every argument of EcrUtils.</summary>
    public static IReadOnlySet<string> All { get; } = new[]
    {
        Environment, Repository, AllRepositories, RepositoryPattern, RepositoryTag, ExcludeRepository, RegistryId,
        Region, TagPattern, FloatingTagPattern, ProtectTag, Keep, Confirm, Preview, FallbackEnvironment, Report,
        MaxParallel, InUseCheck, EcsCluster, InUseFile, MaxRetries, RequestTimeout, Sandbox, OlderThan, KeepPulledWithin, Archive,
        ImageTag, AllArchived, Wait, WaitTimeout, StaleAfter, EnvironmentPattern,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cake's own switches, which reach the arguments too and are accepted and ignored.</summary>
    public static IReadOnlySet<string> CakeSwitches { get; } = new[]
    {
        "target", "t", "verbosity", "v", "working", "w", "description", "descriptions", "showdescription",
        "showdescriptions", "tree", "showtree", "dryrun", "noop", "whatif", "exclusive", "e", "help", "h",
        "version", "ver", "info",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
