using System.Text.RegularExpressions;
using EcrUtils.Images;

namespace EcrUtils.Options;

/// <summary>The parsed arguments of a run; <see cref="EcrOptionsParser"/> creates them, <see cref="Validate"/> checks them per task.</summary>
public sealed record EcrOptions
{
    /// <summary>The default of <see cref="Keep"/>.</summary>
    public const int DefaultKeep = 2;

    /// <summary>The default of <see cref="MaxParallel"/>.</summary>
    public const int DefaultMaxParallel = 4;

    /// <summary>The largest <see cref="MaxParallel"/>: more only meets ECR's request rate limits sooner.</summary>
    public const int MaxMaxParallel = 32;

    /// <summary>The default of <see cref="MaxRetries"/>.</summary>
    public const int DefaultMaxRetries = 6;

    /// <summary>The largest <see cref="MaxRetries"/>: more only hides an outage for longer.</summary>
    public const int MaxMaxRetries = 20;

    /// <summary>The default of <see cref="RequestTimeout"/>, in seconds.</summary>
    public const int DefaultRequestTimeoutSeconds = 30;

    /// <summary>The largest <see cref="RequestTimeout"/>, in seconds.</summary>
    public const int MaxRequestTimeoutSeconds = 120;

    /// <summary>The environment (<c>--environment</c>).</summary>
    public string? Environment { get; internal init; }

    /// <summary>The repositories named with <c>--repository</c>, deduplicated, in the order given.</summary>
    public IReadOnlyList<string> Repositories { get; internal init; } = [];

    /// <summary>Whether to work on every repository of the registry (<c>--all-repositories</c>).</summary>
    public bool AllRepositories { get; internal init; }

    /// <summary>A pattern that repository names must match (<c>--repository-pattern</c>), applied after the repositories are chosen.</summary>
    public Regex? RepositoryPattern { get; internal init; }

    /// <summary>Resource tags that a repository must all carry (<c>--repository-tag</c>), applied after the repositories are chosen.</summary>
    public IReadOnlyList<RepositoryTagFilter> RepositoryTags { get; internal init; } = [];

    /// <summary>Repositories to leave out (<c>--exclude-repository</c>).</summary>
    public IReadOnlyList<string> ExcludeRepositories { get; internal init; } = [];

    /// <summary>The registry's AWS account id (<c>--registry-id</c>); <see langword="null"/> for the caller's.</summary>
    public string? RegistryId { get; internal init; }

    /// <summary>The AWS region (<c>--region</c>); <see langword="null"/> for the SDK's default.</summary>
    public string? Region { get; internal init; }

    /// <summary>The environment tag pattern (<c>--tag-pattern</c>); <see langword="null"/> for <see cref="TagRules.DefaultTagPattern"/>.</summary>
    public string? TagPattern { get; internal init; }

    /// <summary>The floating tag pattern (<c>--floating-tag-pattern</c>); <see langword="null"/> for <see cref="TagRules.DefaultFloatingTagPattern"/>.</summary>
    public string? FloatingTagPattern { get; internal init; }

    /// <summary>Patterns of tags that protect their image (<c>--protect-tag</c>).</summary>
    public IReadOnlyList<string> ProtectTags { get; internal init; } = [];

    /// <summary>How many of the newest images DeleteOldestImages keeps (<c>--keep</c>).</summary>
    public int Keep { get; internal init; } = DefaultKeep;

    /// <summary>The environment name again, confirming DeleteAllImages (<c>--confirm</c>).</summary>
    public string? Confirm { get; internal init; }

    /// <summary>Whether to plan and report without deleting (<c>--preview</c>).</summary>
    public bool Preview { get; internal init; }

    /// <summary>The environment GetLatestImages falls back to (<c>--fallback-environment</c>).</summary>
    public string? FallbackEnvironment { get; internal init; }

    /// <summary>The path of the JSON report (<c>--report</c>); <see langword="null"/> for the default.</summary>
    public string? ReportPath { get; internal init; }

    /// <summary>How many repositories are processed at the same time (<c>--max-parallel</c>), 1 to <see cref="MaxMaxParallel"/>.</summary>
    public int MaxParallel { get; internal init; } = DefaultMaxParallel;

    /// <summary>How many times a failed ECR request is retried (<c>--max-retries</c>), 0 to <see cref="MaxMaxRetries"/>.</summary>
    public int MaxRetries { get; internal init; } = DefaultMaxRetries;

    /// <summary>How long one ECR request may take before it is abandoned and retried (<c>--request-timeout</c>, in seconds).</summary>
    public TimeSpan RequestTimeout { get; internal init; } = TimeSpan.FromSeconds(DefaultRequestTimeoutSeconds);

    /// <summary>
    /// Whether the deleting tasks keep the images that ECS and Lambda use (<c>--in-use-check</c>, on unless
    /// <c>--in-use-check=off</c>).
    /// </summary>
    public bool InUseCheck { get; internal init; } = true;

    /// <summary>The ECS clusters the in-use check reads (<c>--ecs-cluster</c>, names or ARNs); empty for every cluster.</summary>
    public IReadOnlyList<string> EcsClusters { get; internal init; } = [];

    /// <summary>Only images pushed longer ago than this are removed; null: any age.</summary>
    public TimeSpan? OlderThan { get; internal init; }

    /// <summary>An image whose last recorded pull is within this is kept; null: pulls do not protect.</summary>
    public TimeSpan? KeepPulledWithin { get; internal init; }

    /// <summary>Whether the images a run would delete are archived instead.</summary>
    public bool Archive { get; internal init; }

    /// <summary>RestoreImages: restore the archived images holding one of these tags.</summary>
    public IReadOnlyList<string> ImageTags { get; internal init; } = [];

    /// <summary>RestoreImages: restore every archived image of the environment.</summary>
    public bool AllArchived { get; internal init; }

    /// <summary>RestoreImages: wait until the restored images are active.</summary>
    public bool Wait { get; internal init; }

    /// <summary>ListEnvironments: an environment whose newest push and last pull are longer ago than this is stale; null: none is.</summary>
    public TimeSpan? StaleAfter { get; internal init; }

    /// <summary>ListEnvironments: only environments whose whole name matches; null: all of them.</summary>
    public Regex? EnvironmentPattern { get; internal init; }

    /// <summary>RestoreImages --wait: how long to wait at most; null for the default (30 minutes).</summary>
    public TimeSpan? WaitTimeout { get; internal init; }

    /// <summary>
    /// The file that lists images in use elsewhere (<c>--in-use-file</c>), as given: a relative path is the caller's
    /// to resolve. <see langword="null"/> when not given.
    /// </summary>
    public string? InUseFile { get; internal init; }

    /// <summary>
    /// Whether the task runs against a throwaway local registry seeded with demo images (<c>--sandbox</c>) instead
    /// of the configured AWS account.
    /// </summary>
    public bool Sandbox { get; internal init; }

    /// <summary>The arguments that were given, so that a default can be told from a value given on purpose.</summary>
    internal IReadOnlySet<string> GivenArguments { get; init; } = new HashSet<string>();

    /// <summary>Creates the tag rules of <paramref name="environment"/> (the environment or the fallback environment).</summary>
    /// <exception cref="OptionsException">The environment name or a pattern is invalid.</exception>
    public TagRules CreateTagRules(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            return TagRules.Create(environment, TagPattern, FloatingTagPattern, ProtectTags);
        }
        catch (ArgumentException ex)
        {
            throw new OptionsException(ex.Message, ex);
        }
    }

    /// <summary>Checks that the options suit <paramref name="task"/>.</summary>
    /// <exception cref="OptionsException">They do not; the message says what to pass instead.</exception>
    public void Validate(EcrTask task)
    {
        if (EcrOptionsRules.FirstError(this, task) is { } error)
        {
            throw new OptionsException(error);
        }
    }
}
