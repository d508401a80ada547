using Dapper;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Funds;

public sealed record KnownFund(string FundId, string BaseCurrency, decimal TwoApproverThreshold, int Version, DateTimeOffset ChangedAt);

public static class FundsApi
{
    public static IEndpointRouteBuilder MapFundsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/funds").WithTags("Funds")
            .MapGet("/", async (Database database, CancellationToken cancellationToken) =>
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                return TypedResults.Ok((await connection.QueryAsync<KnownFund>(database.Sql["funds.all"])).ToList());
            })
            .RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor))
            .WithName("GetKnownFunds")
            .WithSummary("Funds as this service knows them from Earmarking: base currency and two-approver threshold");
        return app;
    }
}
