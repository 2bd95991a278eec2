namespace EcrUtils.Aws;

/// <summary>Reads an answer's body once, into one array of the length the answer announced.</summary>
internal static class ResponseBody
{
    /// <summary>
    /// Reads the whole body. With a Content-Length (as AWS sends), the bytes go straight from the connection into an array
    /// of that size, rather than into a growing buffer first and a copy after: a 1,000-image page is 350 KB, and each
    /// such array costs the garbage collector. A body cut short is an <see cref="EndOfStreamException"/> (an
    /// <see cref="IOException"/>, retried like a reset connection).
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is not { } length || length > Array.MaxLength)
        {
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var body = new byte[length];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        }

        return body;
    }
}
