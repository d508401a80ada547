using Dapper;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Funds;

public sealed record KnownFund(string FundId, string BaseCurrency, decimal TwoApproverThreshold, int Version, DateTimeOffset ChangedAt);

public static class FundsApi
{
    public static IEndpointRouteBuilder MapFundsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/funds").WithTags("Funds")
            .MapGet("/", (int? limit, string? after, Database database, CancellationToken cancellationToken) =>
                Paging.AnswerAsync<KnownFund>(limit, async size =>
                {
                    await using var connection = await database.OpenAsync(cancellationToken);
                    return [.. await connection.QueryAsync<KnownFund>(database.Sql["funds.all"], new { AfterId = after, Limit = size })];
                }, f => f.FundId, errors => errors.RequireAfterId(after)))
            .RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor))
            .WithName("GetKnownFunds")
            .WithSummary("Funds as this service knows them from Earmarking: base currency and two-approver threshold; by id, a page at a time");
        return app;
    }
}
