using System.Data.Common;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Funds;

/// <summary>
/// Disbursements learns which funds hold money in which currency from contributions, so that requests can
/// later be checked against a fund's currency without calling another service.
/// </summary>
public sealed class ContributionReceivedConsumer(Database database, OutboxSignal outbox, ILogger<ContributionReceivedConsumer> logger)
    : TransactionalConsumer<ContributionReceived>(database, outbox, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ContributionReceived> context, DbTransaction transaction)
    {
        var c = context.Message;
        var now = DateTimeOffset.UtcNow;
        var connection = transaction.Connection!;
        if (await connection.ExecuteAsync(Database.Sql["funds.claim_contribution"], new { c.ContributionId, c.FundId, Now = now }, transaction) == 1)
        {
            await connection.ExecuteAsync(Database.Sql["funds.record_contribution"], new { c.FundId, c.Currency, Now = now }, transaction);
        }
    }
}

public sealed record KnownFund(string FundId, string Currency, int Contributions, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

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
            .WithSummary("Funds this service has seen money arrive in, per currency");
        return app;
    }
}
