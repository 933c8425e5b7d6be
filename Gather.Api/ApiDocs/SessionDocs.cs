using Gather.Api.Authentication;
using Gather.Api.Hosting;

namespace Gather.Api.ApiDocs;

/// <summary>Browser sessions as the OpenAPI document shows them.</summary>
public static class SessionDocs
{
    public static RouteHandlerBuilder DescribeSignIn(this RouteHandlerBuilder builder) => builder
        .WithName("SignIn")
        .WithTags("Sessions")
        .WithSummary("Sign a browser in with an API key")
        .WithDescription("Sets an HttpOnly session cookie that stands for the key for `Gather:Sessions:LifetimeMinutes` (480 by default), "
                         + "so the console's pages need not hold the key. Scripts send their key in `Authorization` instead. A request "
                         + "whose `Origin` names another site is refused (403).")
        .DocumentsJsonBody<SignInRequest>("The API key to sign in with.")
        .Produces<SignedIn>(StatusCodes.Status200OK)
        .Produces<ErrorsBody>(StatusCodes.Status400BadRequest)
        .Produces<ErrorsBody>(StatusCodes.Status401Unauthorized)
        .Produces<ErrorsBody>(StatusCodes.Status403Forbidden);

    public static RouteHandlerBuilder DescribeSignOut(this RouteHandlerBuilder builder) => builder
        .WithName("SignOut")
        .WithTags("Sessions")
        .WithSummary("Sign a browser out")
        .WithDescription("Clears the session cookie. A request whose `Origin` names another site is refused (403).")
        .Produces(StatusCodes.Status204NoContent)
        .Produces<ErrorsBody>(StatusCodes.Status403Forbidden);
}
