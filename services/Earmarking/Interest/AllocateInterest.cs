using System.Diagnostics;
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

namespace TrustFund.Earmarking.Interest;

public sealed record AllocateInterestRequest(Guid? InterestId, DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal? Amount, string? Currency);

public sealed record InterestResponse(Guid InterestId, string FundId, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Amount, string Currency,
    string Method, IReadOnlyList<PoolLine> Lines);

/// <summary>
/// Interest a fund earned over a period is credited to its purpose pools pro rata to what each held at the period
/// end (largest remainder), or all to core when the fund says so or no pool held anything. Periods never overlap.
/// </summary>
public static class AllocateInterest
{
    public static async Task<IResult> HandleAsync(string fundId, AllocateInterestRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, PoolBook pools, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.InterestId is null || request.InterestId == Guid.Empty, "interestId", "required", "interestId (a UUID chosen by the caller) is required.");
        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("amount", request.Amount, currency);
        errors.AddIf(request.PeriodStart is null, "periodStart", "required", "periodStart (yyyy-MM-dd) is required.");
        if (!errors.AddIf(request.PeriodEnd is null, "periodEnd", "required", "periodEnd (yyyy-MM-dd) is required."))
        {
            errors.AddIf(request.PeriodEnd < request.PeriodStart, "periodEnd", "not-before-start", "periodEnd cannot be before periodStart.");
            errors.AddIf(request.PeriodEnd >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "periodEnd", "past",
                "Interest is allocated for a period that has ended: periodEnd must be before today.");
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            var fund = await connection.QuerySingleOrDefaultAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }, tx);
            if (fund is null)
            {
                return StructureProblems.UnknownFund(fundId);
            }
            if (fund.BaseCurrency != currency!.Code)
            {
                return Problems.Unprocessable("Wrong currency", $"Fund '{fundId}' keeps its pools in {fund.BaseCurrency}.", "currency", "base-currency");
            }
            await connection.ExecuteAsync(database.Sql["locks.advisory"], new { Key = $"interest:{fundId}" }, tx);
            if (await connection.ExecuteScalarAsync<long>(database.Sql["interest.overlapping"], new { FundId = fundId, request.PeriodStart, request.PeriodEnd }, tx) > 0)
            {
                return Problems.Conflict("Period already has interest",
                    $"Interest of fund '{fundId}' is already allocated for a period overlapping {request.PeriodStart:yyyy-MM-dd}..{request.PeriodEnd:yyyy-MM-dd}.", "periodStart", "no-overlap");
            }

            var amount = Money.Of(request.Amount!.Value, currency);
            var balances = fund.InterestToCore ? [] : (await connection.QueryAsync<PoolBalance>(database.Sql["pools.balances_at"],
                new { FundId = fundId, Currency = currency.Code, AsOf = request.PeriodEnd }, tx)).ToList();
            var method = balances.Count == 0 ? "core" : "pro-rata";
            var actor = http.User.SubjectOf()!;
            if (await connection.ExecuteAsync(database.Sql["interest.insert"], new
            {
                request.InterestId, FundId = fundId, request.PeriodStart, request.PeriodEnd, amount.Amount, Currency = currency.Code, Method = method,
                RecordedBy = actor, Now = clock.GetUtcNow(), TraceId = Activity.Current?.TraceId.ToString(),
            }, tx) == 0)
            {
                return Problems.Conflict("Interest already recorded", $"Interest {request.InterestId} already exists.", "interestId", "unique");
            }

            var lines = new List<PoolLine>();
            var targets = balances.Count == 0
                ? [(Pool: new PoolBalance(0, PoolLine.FundIncome, WindowRow.Core, "", 0m), Share: amount)]
                : balances.Zip(LargestRemainder.Split(amount, [.. balances.Select(b => b.Balance)])).Select(x => (Pool: x.First, Share: x.Second)).ToList();
            foreach (var (pool, share) in targets.Where(t => t.Share.IsPositive))
            {
                var poolId = pool.PoolId != 0 ? pool.PoolId
                    : await pools.EnsurePoolAsync(tx, fundId, new PoolTarget(PoolTarget.Purpose, WindowRow.Core, "", null), PoolLine.FundIncome, currency);
                await pools.AddLotAsync(tx, poolId, "interest", request.InterestId.ToString()!, request.PeriodEnd!.Value, share);
                lines.Add(new PoolLine
                {
                    PoolId = poolId, DonorId = pool.DonorId, WindowId = pool.WindowId, ProjectId = pool.ProjectId.Length == 0 ? null : pool.ProjectId,
                    EarmarkKind = PoolTargets.EarmarkKindOf(pool.WindowId, pool.ProjectId),
                    Amount = share.Amount,
                });
            }

            var allocated = new InterestAllocated
            {
                InterestId = request.InterestId!.Value, FundId = fundId, PeriodStart = request.PeriodStart!.Value, PeriodEnd = request.PeriodEnd!.Value,
                Amount = amount.Amount, Currency = currency.Code, Method = method, Lines = lines, RecordedBy = actor,
            };
            await outbox.EnqueueAsync(tx, allocated, StructureEvents.Partition(fundId));
            await audit.RecordAsync(tx, actor, "interest.allocated", "fund", fundId, allocated);
            return TypedResults.Created($"/funds/{fundId}/interest/{request.InterestId}",
                new InterestResponse(allocated.InterestId, fundId, allocated.PeriodStart, allocated.PeriodEnd, allocated.Amount, allocated.Currency, method, lines));
        });
    }

    private sealed record PoolBalance(long PoolId, string DonorId, string WindowId, string ProjectId, decimal Balance);
}
