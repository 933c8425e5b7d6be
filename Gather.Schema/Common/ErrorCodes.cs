namespace Gather.Schema.Common;

/// <summary>The <c>extensions.code</c> values Gather adds to GraphQL errors.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
}
