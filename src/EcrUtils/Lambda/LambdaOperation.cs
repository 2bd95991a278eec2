namespace EcrUtils.Lambda;

/// <summary>The Lambda operations the client calls, as they appear in IAM actions (<c>lambda:NAME</c>).</summary>
internal static class LambdaOperation
{
    public const string ListFunctions = nameof(ListFunctions);
    public const string GetFunction = nameof(GetFunction);
    public const string ListAliases = nameof(ListAliases);
}
