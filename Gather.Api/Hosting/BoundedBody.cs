using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Gather.Api.Hosting;

/// <summary>
/// A request body read only up to a limit, so an oversized body costs at most the limit. The
/// bytes live in a pooled buffer: a sync batch is hundreds of kilobytes, and a fresh array per
/// request would land on the large-object heap and force full collections. Dispose to return it.
/// </summary>
public sealed class BoundedBody : IDisposable
{
    private const int InitialSize = 16 * 1024;

    private byte[]? _buffer;
    private readonly int _length;

    private BoundedBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(BoundedBody))).AsMemory(0, _length);

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<BoundedBody?> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
            return null;
        // The server's own limit (Kestrel: 30,000,000 bytes) follows the endpoint's, so a body the
        // endpoint allows is never cut off by the server (a 500 mid-read), and one it refuses stops
        // at the byte past the limit, chunked or not. One byte over, as below.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = maxBytes + 1L;
        // One byte beyond the limit tells "exactly the limit" from "over it".
        var capacity = maxBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(capacity, request.ContentLength + 1 ?? InitialSize));
        var length = 0;
        try
        {
            while (length < capacity)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(capacity, 2L * buffer.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, capacity) - length),
                    request.HttpContext.RequestAborted);
                if (read == 0)
                    break;
                length += read;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's limit was set lower by something else (or could no longer be changed).
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        if (length > maxBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        return new BoundedBody(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
            ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
    }
}
