namespace EcrUtils.IntegrationTests;

/// <summary>
/// Reads the file a step writes its outputs to (<c>GITHUB_OUTPUT</c>): <c>name=value</c> lines and
/// <c>name&lt;&lt;DELIMITER</c> blocks, as the runner reads them
/// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-output-parameter).
/// </summary>
internal static class GitHubOutputFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (line.Length == 0)
            {
                continue;
            }

            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var start = i + 1;
                var end = Array.IndexOf(lines, delimiter, start);
                if (end < 0)
                {
                    throw new FormatException($"The output '{line[..heredoc]}' has no closing line '{delimiter}'.");
                }

                outputs[line[..heredoc]] = string.Join('\n', lines[start..end]);
                i = end;
            }
            else if (equals > 0)
            {
                outputs[line[..equals]] = line[(equals + 1)..];
            }
            else
            {
                throw new FormatException($"'{line}' is neither name=value nor name<<DELIMITER: the runner would fail the step.");
            }
        }

        return outputs;
    }
}
