namespace EcrUtils.Aws;

/// <summary>Reads an answer's body once, into one array of the length the answer announced.</summary>
internal static class ResponseBody
{
    // Far above any answer of these APIs (a 1,000-image page is about 350 KB): an announced length above it is not
    // trusted with an array of that size up front, and the body is read as it comes instead.
    private const long LargestAnnouncedLength = 64L * 1024 * 1024;

    /// <summary>
    /// Reads the whole body. With a Content-Length (as AWS sends), the bytes go straight from the connection into an array
    /// of that size, rather than into a growing buffer first and a copy after: a 1,000-image page is 350 KB, and each
    /// such array costs the garbage collector. A body cut short is an <see cref="EndOfStreamException"/> (an
    /// <see cref="IOException"/>, retried like a reset connection).
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (content.Headers.ContentLength is { } length && length <= LargestAnnouncedLength)
            {
                var body = new byte[length];
                await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
                return body;
            }

            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
