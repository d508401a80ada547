using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TrustFund.Hosting.Http;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddTrustFundProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            switch (context.ProblemDetails.Status)
            {
                case StatusCodes.Status401Unauthorized:
                    context.ProblemDetails.Detail ??= "The Authorization header must carry a valid bearer token.";
                    context.ProblemDetails.Extensions["field"] = "Authorization";
                    break;
                case StatusCodes.Status403Forbidden:
                    // A refusal about the data (another donor's money) names its own field; one about the role names the header.
                    context.ProblemDetails.Detail ??= "The token is valid but lacks the role this operation requires.";
                    context.ProblemDetails.Extensions.TryAdd("field", "Authorization");
                    context.ProblemDetails.Extensions.TryAdd("rule", "role");
                    break;
                default:
                    break;
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseTrustFundProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
