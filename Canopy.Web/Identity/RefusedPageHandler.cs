using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Canopy.Web.Identity;

/// <summary>
/// A signed-in user refused a page by its own <c>[Authorize]</c> gets that page's address answered 403 with the router's
/// not-authorized view (which checks the same attribute again), instead of a redirect to an access-denied path Canopy has no page for.
/// Anything else, and every other refusal (not signed in: the sign-in challenge), goes to the default handler.
/// </summary>
internal sealed class RefusedPageHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !HttpMethods.IsGet(context.Request.Method) || !IsGuardedPage(context.GetEndpoint()))
            return _default.HandleAsync(next, context, policy, authorizeResult);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return next(context);
    }

    // Only when the page's own attributes are all that refused: AuthorizeRouteView re-checks those, but knows nothing of endpoint-wide role policies.
    private static bool IsGuardedPage(Endpoint? endpoint)
    {
        if (endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } page) return false;
        var own = page.Type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        return own.Count > 0 && endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .All(data => data is AuthorizeAttribute { Roles: null, Policy: null } || own.Contains(data))
            && endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count == 0
            && endpoint.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>().Count == 0;
    }
}
