using System.Text.Json;
using Gather.Api.Hosting;
using Gather.Infrastructure.Validation;
using Gather.Schema;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Gather.Schema.Common;

namespace Gather.Api.GraphQL;

/// <summary>Reads a GraphQL request from a POST body or a GET query string, within the configured limits.</summary>
public sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLLimitsOptions> limits)
{
    public async Task<(GraphQLRequest? Request, RequestProblem? Problem)> ReadAsync(HttpRequest http)
    {
        if (HttpMethods.IsGet(http.Method))
            return FromQueryString(http.Query);
        if (!HttpMethods.IsPost(http.Method))
            return (null, new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, "GraphQL accepts GET and POST."));
        if (!GraphQLMediaTypes.IsJsonContentType(http.ContentType))
            return (null, new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"A GraphQL POST must have Content-Type 'application/json'; this one has '{http.ContentType ?? "none"}'."));

        var maxBytes = limits.Value.MaxRequestBodyBytes;
        using var body = await BoundedBody.ReadAsync(http, maxBytes);
        if (body is null)
            return (null, new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"The request body is larger than the {maxBytes} bytes allowed (Gather:GraphQL:MaxRequestBodyBytes)."));

        // The first significant byte tells an object from a batch without parsing the body twice.
        if (FirstSignificantByte(body.Memory.Span) == (byte)'[')
            return (null, BadRequest("The request body must be a JSON object with a 'query' member; batches are not supported."));
        GraphQLRequest? request;
        try
        {
            // Two "query" members could run another document than a proxy or log in front of us saw.
            if (JsonTextCheck.Problem(body.Memory.Span, "The request body") is { } problem)
                return (null, BadRequest(problem));
            request = serializer.Deserialize<GraphQLRequest>(System.Text.Encoding.UTF8.GetString(body.Memory.Span));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return (null, BadRequest($"The request body is not valid GraphQL-over-HTTP JSON: {e.Message}"));
        }
        return Validate(request);
    }

    private (GraphQLRequest?, RequestProblem?) FromQueryString(IQueryCollection query)
    {
        foreach (var parameter in (string[])["query", "operationName", "variables", "extensions"])
        {
            if (query[parameter].Count > 1)
                return (null, BadRequest($"The query string names the parameter '{parameter}' more than once; send it once."));
        }
        if (query["query"].ToString().Length > limits.Value.MaxRequestBodyBytes)
            return (null, new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, "The query is longer than allowed."));
        GraphQLRequest request;
        try
        {
            request = new GraphQLRequest
            {
                Query = query["query"].ToString(),
                OperationName = query["operationName"] is { Count: > 0 } name ? name.ToString() : null,
                Variables = query["variables"] is { Count: > 0 } variables && !string.IsNullOrWhiteSpace(variables)
                    ? serializer.Deserialize<Inputs>(variables.ToString()) : null,
                Extensions = query["extensions"] is { Count: > 0 } extensions && !string.IsNullOrWhiteSpace(extensions)
                    ? serializer.Deserialize<Inputs>(extensions.ToString()) : null,
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return (null, BadRequest($"The 'variables' or 'extensions' parameter is not a valid JSON object: {e.Message}"));
        }
        return Validate(request);
    }

    private static (GraphQLRequest?, RequestProblem?) Validate(GraphQLRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Query)
            ? (null, BadRequest("The request has no query: send a 'query' string."))
            : (request, null);

    private static RequestProblem BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);

    private static byte? FirstSignificantByte(ReadOnlySpan<byte> body)
    {
        var index = body.IndexOfAnyExcept(" \t\r\n"u8);
        return index < 0 ? null : body[index];
    }
}
