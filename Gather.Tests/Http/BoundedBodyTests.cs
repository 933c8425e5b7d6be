using Gather.Api.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gather.Tests.Http;

/// <summary>The pooled body reader at its edges: the limit exactly, one byte over, bodies of unknown length that outgrow the first buffer.</summary>
public sealed class BoundedBodyTests
{
    [Theory]
    [InlineData(0, 1_024, true)]
    [InlineData(1_024, 1_024, true)]
    [InlineData(1_025, 1_024, false)]
    [InlineData(200_000, 200_000, true)]
    [InlineData(200_001, 200_000, false)]
    public async Task Reads_bodies_up_to_the_limit_with_or_without_a_declared_length(int size, int maxBytes, bool fits)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        foreach (var declareLength in new[] { true, false })
        {
            var context = new DefaultHttpContext();
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = declareLength ? size : null;

            using var body = await BoundedBody.ReadAsync(context.Request, maxBytes);

            if (fits)
                Assert.Equal(bytes, body!.Memory.ToArray());
            else
                Assert.Null(body);
        }
    }

    [Fact]
    public async Task A_disposed_body_refuses_to_hand_out_its_returned_buffer()
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream([1, 2, 3]);
        var body = (await BoundedBody.ReadAsync(context.Request, 1_024))!;
        body.Dispose();
        Assert.Throws<ObjectDisposedException>(() => body.Memory);
    }
}
