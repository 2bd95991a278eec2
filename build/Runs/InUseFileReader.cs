using Cake.Core;
using EcrUtils;
using EcrUtils.InUse;
using EcrUtils.Options;

namespace Build.Runs;

/// <summary>
/// Reads --in-use-file before anything starts, like the arguments: a file that cannot be read or holds a bad line is a
/// usage error. A relative path is taken from the folder the command was run in.
/// </summary>
public sealed class InUseFileReader(CallerPaths paths)
{
    public InUseFile? Read(EcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InUseFile is not { } given)
        {
            return null;
        }

        try
        {
            return InUseFile.Read(given, paths.Resolve(given));
        }
        catch (OptionsException ex)
        {
            throw new CakeException(ExitCodes.UsageError, $"{ex.Message} Nothing was changed.");
        }
    }
}
