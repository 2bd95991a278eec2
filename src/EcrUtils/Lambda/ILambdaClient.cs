namespace EcrUtils.Lambda;

/// <summary>The read-only AWS Lambda operations the in-use check needs; lists are read to their end.</summary>
internal interface ILambdaClient
{
    /// <summary>Every function of the account and region (their unpublished <c>$LATEST</c> configuration).</summary>
    IAsyncEnumerable<LambdaFunction> ListFunctionsAsync(CancellationToken cancellationToken);

    /// <summary>The image of a function version; null when the function or version no longer exists.</summary>
    /// <param name="functionName">The function name.</param>
    /// <param name="qualifier">A version number or alias; null for <c>$LATEST</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LambdaFunctionImage?> GetFunctionImageAsync(string functionName, string? qualifier, CancellationToken cancellationToken);

    /// <summary>The aliases of a function, with the versions each routes to.</summary>
    IAsyncEnumerable<LambdaAlias> ListAliasesAsync(string functionName, CancellationToken cancellationToken);
}
