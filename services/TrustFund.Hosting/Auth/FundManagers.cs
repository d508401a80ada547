using System.Data.Common;
using System.Security.Claims;
using Dapper;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Auth;

/// <summary>One manager of a fund, as <c>fund_managers.of_fund</c> reads it.</summary>
public sealed record FundManagerRow(string Manager, DateTimeOffset AssignedAt, string AssignedBy);

/// <summary>The version of a fund's set of managers and its last change.</summary>
public sealed record FundManagerSet(int Version, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>
/// Which funds a fund manager manages (the <c>fund_managers</c> table: kept by Earmarking, copied by every other
/// service from <see cref="FundManagersChanged"/>). A fund manager acts only on the funds assigned to them and reads
/// only their money; finance and auditors read every fund.
/// </summary>
public sealed class FundManagers(Database database)
{
    public const string Rule = "assigned-fund-manager";

    /// <summary>Finance and auditors read every fund; a fund manager who holds neither role reads only their own funds.</summary>
    public static bool ReadsEveryFund(ClaimsPrincipal user) => user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Auditor);

    public async Task<bool> ManagesAsync(DbConnection connection, ClaimsPrincipal user, string fundId, DbTransaction? tx = null) =>
        user.IsInRole(Roles.FundManager) && user.SubjectOf() is { } subject
        && await connection.ExecuteScalarAsync<bool>(database.Sql["fund_managers.is_manager"], new { FundId = fundId, Manager = subject }, tx);

    /// <summary>
    /// Null when the caller manages <paramref name="fundId"/>; otherwise the answer: 404 for a fund of which this
    /// service knows no managers (no such fund, or its managers not copied here yet), 403 for another fund.
    /// </summary>
    public async Task<IResult?> RequireManagerAsync(DbConnection connection, ClaimsPrincipal user, string fundId, DbTransaction? tx = null)
    {
        if (await ManagesAsync(connection, user, fundId, tx))
        {
            return null;
        }
        return await connection.QuerySingleOrDefaultAsync<FundManagerSet>(database.Sql["fund_managers.set_version"], new { FundId = fundId }, tx) is null
            ? Problems.NotFound("Unknown fund", $"No fund '{fundId}' is known here.", "fundId")
            : NotAssigned(fundId);
    }

    /// <summary>Null when the caller may read the money of <paramref name="fundId"/>; otherwise the 403 to answer.</summary>
    public async Task<IResult?> RequireReaderAsync(DbConnection connection, ClaimsPrincipal user, string fundId, DbTransaction? tx = null) =>
        ReadsEveryFund(user) ? null : await RequireManagerAsync(connection, user, fundId, tx);

    /// <summary>The funds the caller may read: null for every fund, else the funds assigned to this fund manager.</summary>
    public async Task<string[]?> ReadableFundsAsync(DbConnection connection, ClaimsPrincipal user, DbTransaction? tx = null) =>
        ReadsEveryFund(user) ? null : await FundsOfAsync(connection, user, tx);

    public async Task<string[]> FundsOfAsync(DbConnection connection, ClaimsPrincipal user, DbTransaction? tx = null) =>
        user.IsInRole(Roles.FundManager) && user.SubjectOf() is { } subject
            ? [.. await connection.QueryAsync<string>(database.Sql["fund_managers.funds_of"], new { Manager = subject }, tx)]
            : [];

    public static IResult NotAssigned(string fundId) =>
        Problems.Of(StatusCodes.Status403Forbidden, "Not a manager of this fund",
            $"You are not assigned as a fund manager of fund '{fundId}'; a fund manager acts on and reads only the funds assigned to them.",
            "fundId", Rule);
}

/// <summary>
/// Endpoint filters for routes that name a fund (<c>{fundId}</c>): the caller must manage that fund, or, for reads,
/// either read every fund (finance, auditor) or manage it. A caller without the fund-manager role passes the read check
/// untouched (the handler applies its own scope, a donor's or a lead's).
/// </summary>
public static class FundManagerEndpoints
{
    /// <summary>Only a fund manager assigned to the route's fund gets past (403 <c>assigned-fund-manager</c> otherwise).</summary>
    public static TBuilder RequireManagerOfFund<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await CheckAsync(context, (managers, connection, user, fundId) => managers.RequireManagerAsync(connection, user, fundId)) ?? await next(context));

    /// <summary>Finance, auditors and non-managers get past; a fund manager only to the funds assigned to them.</summary>
    public static TBuilder RequireReaderOfFund<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.IsInRole(Roles.FundManager)
                ? await CheckAsync(context, (managers, connection, user, fundId) => managers.RequireReaderAsync(connection, user, fundId)) ?? await next(context)
                : await next(context));

    private static async Task<IResult?> CheckAsync(EndpointFilterInvocationContext context,
        Func<FundManagers, DbConnection, ClaimsPrincipal, string, Task<IResult?>> check)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues["fundId"] is not string fundId)
        {
            throw new InvalidOperationException($"{http.Request.Path} has no {{fundId}}: the fund-manager check cannot apply to it.");
        }
        var database = http.RequestServices.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(http.RequestAborted);
        return await check(http.RequestServices.GetRequiredService<FundManagers>(), connection, http.User, fundId);
    }
}

/// <summary>Keeps this service's copy of each fund's managers from Earmarking's events; the highest version wins.</summary>
public sealed class FundManagersChangedConsumer(Database database, OutboxSignal signal, ILogger<FundManagersChangedConsumer> logger)
    : CopyConsumer<FundManagersChanged>(database, signal, logger, "fund_managers.replace",
        m => new { m.FundId, Managers = database.List(m.Managers), m.Version, m.ChangedAt, m.ChangedBy });
