using System.Text;
using EcrUtils.Aws;
using EcrUtils.Resilience;

namespace EcrUtils.Tests.Aws;

public sealed class ResponseBodyTests
{
    [Fact]
    public async Task ReadAsync_ReturnsTheWholeBody_WhenItsLengthIsAnnounced()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"imageDetails":[]}"""));

        var sut = await ResponseBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal("""{"imageDetails":[]}""", Encoding.UTF8.GetString(sut));
    }

    [Fact]
    public async Task ReadAsync_ReturnsTheWholeBody_WhenNoLengthIsAnnounced()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("chunked body")));
        content.Headers.ContentLength = null;

        var sut = await ResponseBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal("chunked body", Encoding.UTF8.GetString(sut));
    }

    [Fact]
    public async Task ReadAsync_ReadsWhatComes_WhenTheAnnouncedLengthIsImplausible()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{}")));
        content.Headers.ContentLength = 1L << 40;

        var sut = await ResponseBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal("{}", Encoding.UTF8.GetString(sut));
    }

    [Fact]
    public async Task ReadAsync_FailsAsATransientError_WhenTheBodyIsCutShort()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"imageDe")));
        content.Headers.ContentLength = 350_000;

        var error = await Assert.ThrowsAnyAsync<IOException>(() => ResponseBody.ReadAsync(content, CancellationToken.None));

        Assert.True(EcrResilience.IsTransient(error));
    }

    [Fact]
    public async Task ReadAsync_StopsReading_WhenCancelled()
    {
        using var content = new StreamContent(new NeverEndingStream());
        content.Headers.ContentLength = 1_000;
        using var cancellation = new CancellationTokenSource();

        var reading = ResponseBody.ReadAsync(content, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    // A connection that sends nothing more until the reader gives up.
    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
