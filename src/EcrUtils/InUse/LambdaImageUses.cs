using EcrUtils.Lambda;

namespace EcrUtils.InUse;

/// <summary>
/// Reads the images Lambda uses: every function deployed as a container image, its <c>$LATEST</c> and every published
/// version that an alias routes to (including an alias's weighted extra version).
/// </summary>
/// <remarks>
/// Once listed, the functions are read side by side, and so are each function's versions: a round trip or three per
/// function, one function after the other, was most of the check's time in an account with many functions.
/// </remarks>
internal sealed class LambdaImageUses(ILambdaClient client)
{
    private const string Latest = "$LATEST";

    public async Task<InUseImages> ReadAsync(CancellationToken cancellationToken)
    {
        List<string> functions = [];
        await foreach (var function in client.ListFunctionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (function.IsImage)
            {
                functions.Add(function.Name);
            }
        }

        var read = await ConcurrentReads.ReadAllAsync(functions, ReadFunctionAsync, cancellationToken).ConfigureAwait(false);
        return new InUseImages([.. read.SelectMany(uses => uses)], 0, 0, 0, functions.Count);
    }

    private async Task<List<ImageUse>> ReadFunctionAsync(string function, CancellationToken cancellationToken)
    {
        var (latest, aliasesByVersion) = await ConcurrentReads.ReadBothAsync(
            token => client.GetFunctionImageAsync(function, null, token),
            token => ReadAliasesAsync(function, token),
            cancellationToken).ConfigureAwait(false);
        List<string> versions = [.. aliasesByVersion.Keys.Where(version => version != Latest)];
        var images = await ConcurrentReads.ReadAllAsync(
            versions,
            (version, token) => client.GetFunctionImageAsync(function, version, token),
            cancellationToken).ConfigureAwait(false);

        List<ImageUse> uses = [];
        Add(uses, latest, $"{function}:{Latest}");
        foreach (var (version, aliases) in aliasesByVersion)
        {
            var image = version == Latest ? latest : images[versions.IndexOf(version)];
            foreach (var alias in aliases)
            {
                Add(uses, image, $"{function}:{alias}");
            }
        }

        return uses;
    }

    // Version -> the aliases that route to it, in version order.
    private async Task<SortedDictionary<string, List<string>>> ReadAliasesAsync(string function, CancellationToken cancellationToken)
    {
        var aliasesByVersion = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var alias in client.ListAliasesAsync(function, cancellationToken).ConfigureAwait(false))
        {
            foreach (var version in alias.Versions)
            {
                if (!aliasesByVersion.TryGetValue(version, out var names))
                {
                    aliasesByVersion[version] = names = [];
                }

                names.Add(alias.Name);
            }
        }

        return aliasesByVersion;
    }

    private static void Add(List<ImageUse> uses, LambdaFunctionImage? image, string usedBy)
    {
        foreach (var uri in (ReadOnlySpan<string?>)[image?.ImageUri, image?.ResolvedImageUri])
        {
            if (ImageReference.TryParse(uri, out var reference))
            {
                uses.Add(new ImageUse(reference, usedBy));
            }
        }
    }
}
