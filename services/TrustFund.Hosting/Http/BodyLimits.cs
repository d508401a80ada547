using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrustFund.Hosting.Http;

/// <summary>
/// The largest request body a service reads (section <c>Http</c>). The largest legitimate bodies (an assessment of
/// 1000 members, a pledge of 600 instalments) are well under 200 KB.
/// </summary>
public sealed class BodyLimitOptions
{
    public const string Section = "Http";

    public const string Rule = "max-body-size";

    [Range(1024, 100L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

internal static class BodyLimits
{
    public static ProblemHttpResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large",
        "The request body is larger than this service accepts (Http:MaxRequestBodyBytes); nothing was written.", "body", BodyLimitOptions.Rule);

    /// <summary>
    /// Refuses a body over the limit before any endpoint reads it: by its Content-Length, or, sent in chunks, by reading
    /// it (Kestrel stops at the limit). The framework's JSON binding would otherwise end such a request with a bare 413.
    /// </summary>
    public static WebApplication UseBodyLimit(this WebApplication app)
    {
        var max = app.Services.GetRequiredService<IOptions<BodyLimitOptions>>().Value.MaxRequestBodyBytes;
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > max)
            {
                await TooLarge().ExecuteAsync(http);
                return;
            }
            if (http.Request.ContentLength is null && http.Request.Headers.TransferEncoding.Count > 0)
            {
                http.Request.EnableBuffering();
                try
                {
                    await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                    http.Request.Body.Position = 0;
                }
                catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    await TooLarge().ExecuteAsync(http);
                    return;
                }
            }
            await next(http);
        });
        return app;
    }
}
