using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using TrustFund.Hosting.Idempotency;

namespace TrustFund.Hosting.Http;

internal static class OpenApiSetup
{
    /// <summary>The document shows the bearer scheme and, on money-moving operations, the required Idempotency-Key header.</summary>
    public static IServiceCollection AddTrustFundOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyRequired>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKey.Header,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "Unique per intended operation (a UUID is best); resend the same key when retrying. 1-255 letters, digits, '-', '_', '.', ':'.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
                });
            }
            return Task.CompletedTask;
        }));
}
