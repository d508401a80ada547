using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrustFund.Hosting.Http;

namespace TrustFund.Hosting.Idempotency;

/// <summary>Refuses a money-moving POST that lacks a well-formed <c>Idempotency-Key</c>, before anything runs.</summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    internal const string ItemKey = "TrustFund.IdempotencyKey";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.Headers[IdempotencyKey.Header];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return ValidationErrors.Single(IdempotencyKey.Header, "required",
                "This operation moves money: send an Idempotency-Key header (a UUID is best) and reuse it when you retry.");
        }
        if (values.Count > 1 || !IdempotencyKey.IsWellFormed(values[0]))
        {
            return ValidationErrors.Single(IdempotencyKey.Header, "format",
                $"Idempotency-Key must be one value of 1 to {IdempotencyKey.MaxLength} letters, digits, '-', '_', '.' or ':'.");
        }
        context.HttpContext.Items[ItemKey] = values[0];
        return await next(context);
    }
}

/// <summary>Marks an endpoint as requiring the header, for the OpenAPI document.</summary>
public sealed class IdempotencyKeyRequired;

public static class IdempotencyEndpointExtensions
{
    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotencyKeyRequired());
}
