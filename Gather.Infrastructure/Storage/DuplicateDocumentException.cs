namespace Gather.Infrastructure.Storage;

/// <summary>A write collided with a unique index; the adapters translate their own errors into this.</summary>
public sealed class DuplicateDocumentException(string message, Exception? inner = null)
    : Exception(message, inner);
