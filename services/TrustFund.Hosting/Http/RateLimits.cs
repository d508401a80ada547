using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Hosting.Auth;

namespace TrustFund.Hosting.Http;

/// <summary>
/// How many requests a caller may send (section <c>RateLimits</c>): a token bucket per authenticated subject, and a
/// smaller one per remote address for callers without a valid token (anonymous, or whose token was refused).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>The burst an authenticated subject may send at once.</summary>
    [Range(1, int.MaxValue)]
    public int AuthenticatedTokenLimit { get; set; } = 100;

    /// <summary>Requests an authenticated subject gets back every <see cref="ReplenishmentPeriod"/> (10 a second: 600 a minute).</summary>
    [Range(1, int.MaxValue)]
    public int AuthenticatedTokensPerPeriod { get; set; } = 10;

    /// <summary>The burst a remote address without a valid token may send at once.</summary>
    [Range(1, int.MaxValue)]
    public int AnonymousTokenLimit { get; set; } = 20;

    /// <summary>Requests such an address gets back every <see cref="ReplenishmentPeriod"/> (1 a second: 60 a minute).</summary>
    [Range(1, int.MaxValue)]
    public int AnonymousTokensPerPeriod { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

internal static class RateLimits
{
    public const string Rule = "rate-limit";

    public static IServiceCollection AddTrustFundRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.User.SubjectOf() is { } subject
                ? RateLimitPartition.GetTokenBucketLimiter($"subject:{subject}", _ => Bucket(limits.AuthenticatedTokenLimit, limits.AuthenticatedTokensPerPeriod, limits))
                : RateLimitPartition.GetTokenBucketLimiter($"address:{http.Connection.RemoteIpAddress}",
                    _ => Bucket(limits.AnonymousTokenLimit, limits.AnonymousTokensPerPeriod, limits)));
            options.OnRejected = (context, _) => RefuseAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.ReplenishmentPeriod);
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int tokenLimit, int tokensPerPeriod, RateLimitOptions limits) => new()
    {
        TokenLimit = tokenLimit,
        TokensPerPeriod = tokensPerPeriod,
        ReplenishmentPeriod = limits.ReplenishmentPeriod,
        QueueLimit = 0, // a refused request is answered at once, never held
        AutoReplenishment = true,
    };

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least one), as problem details like every other refusal.</summary>
    private static async ValueTask RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                Title = "Too many requests",
                Detail = $"This caller sent more requests than its limit allows; retry after {seconds} s.",
                Extensions = { ["field"] = "Authorization", ["rule"] = Rule },
            },
        });
    }
}
