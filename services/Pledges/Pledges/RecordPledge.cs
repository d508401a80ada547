using System.Diagnostics;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.Pledges.Donors;
using TrustFund.Pledges.Rates;
using TrustFund.Pledges.Structure;

namespace TrustFund.Pledges.Pledges;

public sealed record EarmarkBody(string? Kind, string? WindowId, string? ProjectId);

public sealed record InstalmentBody(DateOnly? DueDate, decimal? Amount);

public sealed record RecordPledgeRequest(Guid? PledgeId, string? DonorId, string? FundId, decimal? Amount, string? Currency, EarmarkBody? Earmark,
    DateOnly? PledgedOn, IReadOnlyList<InstalmentBody>? Instalments, decimal? ExchangeRate = null);

/// <summary>A donor (for itself) or finance (on a donor's behalf) pledges money to a fund, earmarked, in instalments.</summary>
public static class RecordPledge
{
    public static async Task<IResult> HandleAsync(RecordPledgeRequest request, HttpContext http, IdempotentExecutor idempotency, Database database,
        PledgeStore store, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors();
        errors.AddIf(request.PledgeId == Guid.Empty, "pledgeId", "not-empty", "pledgeId may be omitted but not the empty UUID.");
        errors.RequireId("donorId", request.DonorId);
        errors.RequireId("fundId", request.FundId);
        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("amount", request.Amount, currency);
        var earmark = errors.RequireEarmark("earmark", request.Earmark is not null, request.Earmark?.Kind, request.Earmark?.WindowId, request.Earmark?.ProjectId);
        if (!errors.AddIf(request.PledgedOn is null, "pledgedOn", "required", "pledgedOn (yyyy-MM-dd) is required."))
        {
            errors.AddIf(request.PledgedOn > today.AddDays(1), "pledgedOn", "not-future", "pledgedOn cannot be in the future.");
        }
        var schedule = ValidateInstalments(errors, request.Instalments, request.Amount, currency, request.PledgedOn);
        errors.AddIf(request.ExchangeRate <= 0, "exchangeRate", "positive", "exchangeRate must be greater than zero.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        if (!Donors.Donors.MayActFor(http, request.DonorId!))
        {
            return Donors.Donors.UnknownDonor(request.DonorId!);
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            if (await connection.QuerySingleOrDefaultAsync<DonorRow>(database.Sql["donors.find"], new { request.DonorId }, tx) is null)
            {
                return Donors.Donors.UnknownDonor(request.DonorId!);
            }
            if (await connection.QuerySingleOrDefaultAsync<KnownFund>(database.Sql["structure.fund"], new { request.FundId }, tx) is not { } fund)
            {
                return Problems.Unprocessable("Unknown fund", $"Pledges does not know a fund '{request.FundId}' (yet).", "fundId", "exists");
            }
            // The ledger books the receivable in the fund's base currency at the rate of the pledge date (the latest one recorded).
            decimal? rate = currency!.Code == fund.BaseCurrency ? 1m
                : request.ExchangeRate ?? await ExchangeRates.FindOnOrBeforeAsync(connection, database, currency.Code, fund.BaseCurrency, request.PledgedOn!.Value, tx);
            if (rate is null)
            {
                return Problems.Unprocessable("No exchange rate", $"No {currency.Code}/{fund.BaseCurrency} rate is recorded on or before "
                    + $"{request.PledgedOn:yyyy-MM-dd}, so the pledge cannot be valued in the fund's currency; record one or give exchangeRate.", "exchangeRate", "rate-available");
            }
            if (await EarmarkCheck.RefusalAsync(connection, database, request.FundId!, earmark!, tx) is { } refusal)
            {
                return Problems.Unprocessable("Earmark not open", refusal.Message, refusal.Field, refusal.Rule);
            }

            var actor = http.User.SubjectOf()!;
            var recorded = new PledgeRecorded
            {
                PledgeId = request.PledgeId ?? Guid.NewGuid(), DonorId = request.DonorId!, FundId = request.FundId!, Earmark = earmark!,
                Amount = Money.Of(request.Amount!.Value, currency!).Amount, Currency = currency!.Code, PledgedOn = request.PledgedOn!.Value,
                Kind = "voluntary", Instalments = PledgeStore.Terms(schedule, currency.Code), RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
                BaseCurrency = fund.BaseCurrency, ExchangeRate = rate,
                BaseAmount = Conversion.ToBase(Money.Of(request.Amount!.Value, currency), rate.Value, Currency.FromCode(fund.BaseCurrency)).Amount,
            };
            if (!await InsertAsync(tx, database, store, recorded))
            {
                return Problems.Conflict("Pledge already recorded", $"A pledge with id {recorded.PledgeId} exists.", "pledgeId", "unique");
            }
            await outbox.EnqueueAsync(tx, recorded, $"pledge:{recorded.PledgeId}");
            await audit.RecordAsync(tx, actor, "pledge.recorded", "pledge", recorded.PledgeId.ToString(), recorded);
            var row = (await store.FindAsync(connection, pledgeId: recorded.PledgeId, tx: tx)).Single();
            return TypedResults.Created($"/pledges/{recorded.PledgeId}", PledgeResponses.Of(row, schedule, today));
        });
    }

    /// <summary>Writes a new pledge, its schedule and its first history row; false when the id is taken.</summary>
    public static async Task<bool> InsertAsync(System.Data.Common.DbTransaction tx, Database database, PledgeStore store, PledgeRecorded p)
    {
        var inserted = await tx.Connection!.ExecuteAsync(database.Sql["pledges.insert"], new
        {
            p.PledgeId, p.DonorId, p.FundId, EarmarkKind = p.Earmark.Kind, p.Earmark.WindowId, p.Earmark.ProjectId, p.Amount, p.Currency, p.PledgedOn,
            p.Kind, p.AssessmentId, p.RecordedBy, p.RecordedAt, TraceId = Activity.Current?.TraceId.ToString(),
        }, tx);
        if (inserted == 0)
        {
            return false;
        }
        await store.SaveScheduleAsync(tx, p.PledgeId, [.. p.Instalments.Select(i => new Instalment(i.No, i.DueDate, i.Amount))]);
        await store.RecordChangeAsync(tx, p.PledgeId, "recorded", 0m, p.Amount, p.Amount, null, p.RecordedBy);
        return true;
    }

    /// <summary>Fifty years of monthly instalments: more is a mistake, and an unbounded list is work for anyone who sends one.</summary>
    public const int MaxInstalments = 600;

    /// <summary>Instalments: at least one and at most <see cref="MaxInstalments"/>, each positive money in the pledge's currency, due on or after the pledge date, adding up to the pledge.</summary>
    internal static IReadOnlyList<Instalment> ValidateInstalments(ValidationErrors errors, IReadOnlyList<InstalmentBody>? instalments, decimal? total,
        Currency? currency, DateOnly? pledgedOn)
    {
        if (errors.AddIf(instalments is null || instalments.Count == 0, "instalments", "required", "At least one instalment (dueDate, amount) is required.")
            || !errors.RequireMaxCount("instalments", instalments!.Count, MaxInstalments))
        {
            return [];
        }
        var schedule = new List<Instalment>();
        for (var k = 0; k < instalments!.Count; k++)
        {
            var field = $"instalments[{k}]";
            var ok = errors.RequireAmount($"{field}.amount", instalments[k].Amount, currency);
            if (!errors.AddIf(instalments[k].DueDate is null, $"{field}.dueDate", "required", $"{field}.dueDate is required."))
            {
                ok &= !errors.AddIf(instalments[k].DueDate < pledgedOn, $"{field}.dueDate", "not-before-pledge", $"{field}.dueDate cannot be before the pledge date.");
            }
            if (ok && instalments[k].DueDate is { } due)
            {
                schedule.Add(new Instalment(k + 1, due, instalments[k].Amount!.Value));
            }
        }
        if (schedule.Count == instalments.Count && total is not null)
        {
            errors.AddIf(schedule.Sum(i => i.Amount) != total, "instalments", "sum",
                $"The instalments add up to {schedule.Sum(i => i.Amount)}, not to the pledge's {total}.");
        }
        return schedule;
    }
}
