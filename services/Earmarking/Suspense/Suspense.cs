using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Pools;
using TrustFund.Earmarking.Structure;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Suspense;

public sealed record ReceiptRow(Guid ContributionId, string FundId, string DonorId, string EarmarkKind, string? WindowId, string? ProjectId,
    decimal Amount, string Currency, decimal BaseAmount, string BaseCurrency, decimal Fee, decimal Net, long PoolId, long LotId,
    string? SuspenseReason, DateOnly ValueDate, DateTimeOffset ReceivedAt, string? TraceId, long? RetargetedToPoolId, string? RetargetReference);

public sealed record EarmarkBody(string? Kind, string? WindowId, string? ProjectId);

public sealed record RetargetRequest(EarmarkBody? Earmark, string? DonorAgreementReference);

/// <summary>
/// Money whose earmark named a closed or unknown target waits in suspense, visible, until the fund manager moves
/// it to an open purpose with the donor's agreement recorded as a reference. Nothing else may spend it.
/// </summary>
public static class Suspense
{
    public static IEndpointRouteBuilder MapSuspenseApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/funds/{fundId}/suspense").WithTags("Suspense").RequireReaderOfFund();
        group.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor))
            .WithName("ListSuspense").WithSummary("Contributions held in suspense, with the reason (open ones only unless all=true)");
        group.MapPost("/{contributionId:guid}/retarget", RetargetAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("RetargetSuspense").WithSummary("Move a suspended contribution to an open purpose, with the donor's agreement (fund manager)");
        return app;
    }

    /// <summary>The fund's suspense in value-date order, a page at a time: the <c>limit</c> after the contribution <c>after</c>.</summary>
    public static Task<IResult> ListAsync(string fundId, bool? all, int? limit, Guid? after, Database database, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(limit, async size =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return (IReadOnlyList<ReceiptRow>)[.. await connection.QueryAsync<ReceiptRow>(database.Sql["receipts.find"],
                new { ContributionId = (Guid?)null, FundId = fundId, SuspenseOnly = true, OpenOnly = all != true, AfterId = after, Limit = size })];
        }, r => r.ContributionId.ToString(), r => new
        {
            r.ContributionId, r.DonorId, Earmark = new { Kind = r.EarmarkKind, r.WindowId, r.ProjectId }, Reason = r.SuspenseReason,
            Amount = Money.Normalise(r.Net, r.BaseCurrency), Currency = r.BaseCurrency, r.ValueDate, r.ReceivedAt,
            Retargeted = r.RetargetedToPoolId is not null, r.RetargetReference,
        });

    /// <summary>The parameters of <c>receipts.find</c> that read one receipt.</summary>
    internal static object OneReceipt(Guid contributionId, string? fundId, bool suspenseOnly) =>
        new { ContributionId = contributionId, FundId = fundId, SuspenseOnly = suspenseOnly, OpenOnly = false, AfterId = (Guid?)null, Limit = (int?)null };

    public static async Task<IResult> RetargetAsync(string fundId, Guid contributionId, RetargetRequest request, HttpContext http,
        IdempotentExecutor idempotency, Database database, PoolBook pools, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireText("donorAgreementReference", request.DonorAgreementReference);
        var earmark = errors.RequireEarmark("earmark", request.Earmark is not null, request.Earmark?.Kind, request.Earmark?.WindowId, request.Earmark?.ProjectId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            await connection.ExecuteAsync(database.Sql["locks.advisory"], new { Key = $"receipt:{contributionId}" }, tx);
            var receipt = await connection.QuerySingleOrDefaultAsync<ReceiptRow>(database.Sql["receipts.find"],
                OneReceipt(contributionId, fundId, suspenseOnly: true), tx);
            if (receipt is null)
            {
                return Problems.NotFound("Not in suspense", $"Fund '{fundId}' holds no contribution {contributionId} in suspense.", "contributionId");
            }
            if (receipt.RetargetedToPoolId is not null)
            {
                return Problems.Conflict("Already re-targeted", $"Contribution {contributionId} was already moved ({receipt.RetargetReference}).", "contributionId", "once");
            }
            var fund = await connection.QuerySingleOrDefaultAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }, tx);
            if (fund is null)
            {
                return Problems.Unprocessable("Fund not defined yet", $"Fund '{fundId}' must be defined before its suspense can be re-targeted.", "fundId", "exists");
            }
            if (receipt.BaseCurrency != fund.BaseCurrency)
            {
                return Problems.Unprocessable("Not in the fund's currency",
                    $"The money is held in {receipt.BaseCurrency}; the fund's pools are in {fund.BaseCurrency}. It needs a conversion first.", "contributionId", "base-currency");
            }
            var window = earmark!.WindowId is null ? null
                : await connection.QuerySingleOrDefaultAsync<WindowRow>(database.Sql["windows.get"], new { FundId = fundId, earmark.WindowId }, tx);
            var project = earmark.ProjectId is null ? null
                : await connection.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { FundId = fundId, earmark.ProjectId }, tx);
            var target = PoolTargets.Resolve(earmark, fund, window, project);
            if (target.IsSuspense)
            {
                return Problems.Unprocessable("Target not open", $"The new earmark cannot take money: {target.SuspenseReason}.", "earmark", target.SuspenseReason!);
            }

            // Money that arrived before its fund existed paid no fee yet: the fee is taken now, once.
            var held = Money.Of(Money.Normalise(receipt.Net, receipt.BaseCurrency), fund.Currency);
            var (fee, net) = receipt.SuspenseReason == SuspenseReasons.UnknownFund ? Fees.Split(held, fund.FeeRate) : (Money.Zero(fund.Currency), held);
            var now = clock.GetUtcNow();
            var moved = await connection.ExecuteScalarAsync<long>(database.Sql["lots.move"], new
            {
                LotIds = database.List(new[] { receipt.LotId }), Available = database.List(new[] { -held.Amount }), Reserved = database.List(new[] { 0m }), Disbursed = database.List(new[] { 0m }),
                TransferredOut = database.List(new[] { held.Amount }), Kind = "retarget", SourceId = contributionId.ToString(),
                EffectiveOn = DateOnly.FromDateTime(now.UtcDateTime), Now = now,
            }, tx);
            if (moved != 1)
            {
                throw new InvalidOperationException($"Suspense lot {receipt.LotId} no longer holds {held}; the transaction is rolled back.");
            }
            if (fee.IsPositive)
            {
                await pools.AddLotAsync(tx, await pools.EnsureFeePoolAsync(tx, fundId, fee.Currency), "fee", contributionId.ToString(), receipt.ValueDate, fee);
            }
            var toPool = await pools.EnsurePoolAsync(tx, fundId, target, receipt.DonorId, net.Currency);
            // The receipt keeps its value date, so the oldest-first policy still sees when the money arrived.
            var toLot = await pools.AddLotAsync(tx, toPool, "retarget", contributionId.ToString(), receipt.ValueDate, net);
            var actor = http.User.SubjectOf()!;
            await connection.ExecuteAsync(database.Sql["retargets.insert"], new
            {
                ContributionId = contributionId, FromPoolId = receipt.PoolId, ToPoolId = toPool, ToLotId = toLot, net.Amount, Fee = fee.Amount,
                Reference = request.DonorAgreementReference, Actor = actor, Now = now,
            }, tx);

            var retargeted = new SuspenseRetargeted
            {
                ContributionId = contributionId, FundId = fundId, DonorId = receipt.DonorId, Earmark = earmark, Amount = net.Amount, Fee = fee.Amount,
                Currency = net.Currency.Code, DonorAgreementReference = request.DonorAgreementReference!, FromPoolId = receipt.PoolId, ToPoolId = toPool,
                RetargetedBy = actor, RetargetedAt = now,
            };
            await outbox.EnqueueAsync(tx, retargeted, $"contribution:{contributionId}");
            await audit.RecordAsync(tx, actor, "suspense.retargeted", "contribution", contributionId.ToString(), retargeted);
            return TypedResults.Ok(retargeted);
        });
    }
}
