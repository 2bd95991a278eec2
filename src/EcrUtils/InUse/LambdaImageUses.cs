using EcrUtils.Lambda;

namespace EcrUtils.InUse;

/// <summary>
/// Reads the images Lambda uses: every function deployed as a container image, its <c>$LATEST</c> and every published
/// version that an alias routes to (including an alias's weighted extra version).
/// </summary>
internal sealed class LambdaImageUses(ILambdaClient client)
{
    private const string Latest = "$LATEST";

    public async Task<InUseImages> ReadAsync(CancellationToken cancellationToken)
    {
        List<ImageUse> uses = [];
        var functions = 0;
        await foreach (var function in client.ListFunctionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!function.IsImage)
            {
                continue;
            }

            functions++;
            var latest = await client.GetFunctionImageAsync(function.Name, null, cancellationToken).ConfigureAwait(false);
            Add(uses, latest, $"{function.Name}:{Latest}");

            var aliasesByVersion = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            await foreach (var alias in client.ListAliasesAsync(function.Name, cancellationToken).ConfigureAwait(false))
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

            foreach (var (version, aliases) in aliasesByVersion.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var image = version == Latest ? latest : await client.GetFunctionImageAsync(function.Name, version, cancellationToken).ConfigureAwait(false);
                foreach (var alias in aliases)
                {
                    Add(uses, image, $"{function.Name}:{alias}");
                }
            }
        }

        return new InUseImages(uses, 0, 0, 0, functions);
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
