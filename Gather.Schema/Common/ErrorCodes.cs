namespace Gather.Schema.Common;

/// <summary>The <c>extensions.code</c> values Gather adds to GraphQL errors.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The HTTP request itself could not be read (body, media type, parameters); the message says what to send.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The body's Content-Type is not one the endpoint reads; the message names the one to send.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The body (or the query) is longer than the endpoint's limit, named in the message.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>The request's Accept header names no media type the endpoint answers with; the message names those it does.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The endpoint does not take this HTTP method; <c>Allow</c> or the message says which it does.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The API key (or, without one, the address) made more requests than Gather:RateLimits allows; see Retry-After.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The document has more tokens than Gather:GraphQL:MaxTokens.</summary>
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    /// <summary>The document nests deeper than the parser accepts (selections, lists or objects).</summary>
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";

    /// <summary>More field selections (fragments expanded) than Gather:GraphQL:MaxFields.</summary>
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";

    /// <summary>More aliased selections than Gather:GraphQL:MaxAliases.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    /// <summary>More distinct root fields in an operation than Gather:GraphQL:MaxRootFields.</summary>
    public const string MaxRootFieldsExceeded = "MAX_ROOT_FIELDS_EXCEEDED";

    /// <summary>A longer chain of fragment spreads than Gather:GraphQL:MaxFragmentDepth.</summary>
    public const string MaxFragmentDepthExceeded = "MAX_FRAGMENT_DEPTH_EXCEEDED";

    /// <summary>Too many same-name selections at one place to check they merge (Gather:GraphQL:MaxMergeComparisons).</summary>
    public const string MaxMergeComparisonsExceeded = "MAX_MERGE_COMPARISONS_EXCEEDED";

    /// <summary>The team already runs Gather:GraphQL:MaxConcurrentExecutionsPerTeam operations; see Retry-After.</summary>
    public const string TooManyConcurrentOperations = "TOO_MANY_CONCURRENT_OPERATIONS";

    /// <summary>An argument broke a rule; <c>extensions.field</c> names the argument and <c>extensions.rule</c> the rule.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>A synced record broke a rule and was not written; <c>extensions.index</c>, <c>field</c> and <c>rule</c> say which record, field and rule.</summary>
    public const string InvalidRecord = "INVALID_RECORD";

    /// <summary>An id names nothing in the caller's team.</summary>
    public const string NotFound = "NOT_FOUND";


    /// <summary>A typed field's stored value is not of the field's type; <c>extensions.field</c> and <c>extensions.expectedType</c> say which.</summary>
    public const string StoredValueMismatch = "STORED_VALUE_MISMATCH";

    /// <summary>Something failed that no input rule explains; details are in the server's log, never in the response.</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
