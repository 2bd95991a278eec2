namespace EcrUtils.IntegrationTests;

/// <summary>The last lines a child process wrote, kept for failure messages.</summary>
internal sealed class LauncherOutput
{
    private const int LinesKept = 200;

    private readonly Queue<string> _lines = new();

    /// <summary>Reads until the pipe closes, so that the child can never block on a full pipe.</summary>
    public async Task PumpAsync(StreamReader reader, Action<string>? onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine?.Invoke(line);
            Remember(line);
        }
    }

    public string Recent()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }

    private void Remember(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > LinesKept)
            {
                _lines.Dequeue();
            }
        }
    }
}
