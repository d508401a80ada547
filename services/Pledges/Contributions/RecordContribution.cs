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
using TrustFund.Pledges.Pledges;
using TrustFund.Pledges.Rates;
using TrustFund.Pledges.Structure;

namespace TrustFund.Pledges.Contributions;

public sealed record EarmarkRequest(string? Kind, string? WindowId, string? ProjectId);

public sealed record RecordContributionRequest(
    Guid? ContributionId, string? DonorId, string? FundId, decimal? Amount, string? Currency, EarmarkRequest? Earmark, DateOnly? ValueDate,
    Guid? PledgeId = null, string? BankReference = null, decimal? ExchangeRate = null, bool? RecordExcessAsUnpledged = null);

public sealed record ContributionResponse(
    Guid ContributionId, string DonorId, string FundId, Earmark Earmark, decimal Amount, string Currency,
    DateOnly ValueDate, DateTimeOffset RecordedAt, string RecordedBy, Guid? PledgeId = null, string? BankReference = null,
    decimal? ExchangeRate = null, decimal? BaseAmount = null, string? BaseCurrency = null, decimal? UnpledgedAmount = null,
    IReadOnlyList<InstalmentPayment>? MatchedInstalments = null);

/// <summary>
/// Finance records cash received: from a registered donor, into a known fund, converted into the fund's base currency
/// at the rate given or recorded for the value date, and, when it pays a pledge, matched to its instalments oldest
/// first. The contribution, the pledge's new schedule and the <see cref="ContributionReceived"/> event commit together.
/// </summary>
public static class RecordContribution
{
    public static async Task<IResult> HandleAsync(RecordContributionRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, PledgeStore pledges, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = ContributionValidation.Validate(request, clock.GetUtcNow());
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            var actor = http.User.SubjectOf()!;
            if (await connection.QuerySingleOrDefaultAsync<DonorRow>(database.Sql["donors.find"], new { request.DonorId }, tx) is null)
            {
                return Problems.Unprocessable("Unknown donor", $"No donor '{request.DonorId}' is registered.", "donorId", "exists");
            }
            var fund = await connection.QuerySingleOrDefaultAsync<KnownFund>(database.Sql["structure.fund"], new { request.FundId }, tx);
            if (fund is null)
            {
                return Problems.Unprocessable("Unknown fund", $"Pledges does not know a fund '{request.FundId}' (yet).", "fundId", "exists");
            }
            var currency = Currency.FromCode(request.Currency!);
            var amount = Money.Of(request.Amount!.Value, currency);

            // What it pays: a pledge's instalments (its earmark, its currency), or nothing (an unpledged gift with its own earmark).
            Earmark earmark;
            IReadOnlyList<(int No, decimal Amount)> matched = [];
            decimal? unpledged = null;
            if (request.PledgeId is { } pledgeId)
            {
                var loaded = await pledges.LockAsync(tx, pledgeId);
                if (loaded is null || loaded.Value.Pledge.DonorId != request.DonorId || loaded.Value.Pledge.FundId != request.FundId)
                {
                    return Problems.Unprocessable("Unknown pledge", $"Donor '{request.DonorId}' has no pledge {pledgeId} to fund '{request.FundId}'.", "pledgeId", "exists");
                }
                var (pledge, schedule) = loaded.Value;
                earmark = pledge.Earmark;
                if (request.Earmark is not null && (request.Earmark.Kind != earmark.Kind || request.Earmark.WindowId != earmark.WindowId || request.Earmark.ProjectId != earmark.ProjectId))
                {
                    return Problems.Unprocessable("Earmark differs from the pledge's", "A payment of a pledge carries the pledge's earmark; omit earmark.", "earmark", "same-as-pledge");
                }
                if (pledge.Currency != currency.Code)
                {
                    return Problems.Unprocessable("Not the pledge's currency", $"The pledge is in {pledge.Currency}; record the payment in it.", "currency", "pledge-currency");
                }
                var outstanding = PledgeSchedule.Outstanding(schedule);
                if (outstanding == 0)
                {
                    return Problems.Unprocessable("Pledge settled", "Nothing is outstanding on this pledge.", "pledgeId", "outstanding");
                }
                if (amount.Amount > outstanding)
                {
                    if (request.RecordExcessAsUnpledged != true)
                    {
                        return Problems.Unprocessable("More than is outstanding",
                            $"Only {Money.Normalise(outstanding, pledge.Currency)} {pledge.Currency} is outstanding; set recordExcessAsUnpledged to record the rest as an unpledged gift.",
                            "amount", "not-above-outstanding");
                    }
                    unpledged = amount.Amount - outstanding;
                }
                var (after, taken) = PledgeSchedule.Pay(schedule, Math.Min(amount.Amount, outstanding));
                matched = taken;
                if (!await pledges.SaveAsync(tx, pledge, after, "paid", $"contribution {request.ContributionId}", actor))
                {
                    return Problems.Conflict("Pledge changed meanwhile", "Another change to the pledge committed first; retry.", "pledgeId", "current-version");
                }
            }
            else
            {
                earmark = new Earmark { Kind = request.Earmark!.Kind!, WindowId = request.Earmark.WindowId, ProjectId = request.Earmark.ProjectId };
                // Cash that arrived is recorded even for a closed target (Earmarking holds it in suspense); an unknown one is a mistake.
                if (await EarmarkCheck.RefusalAsync(connection, database, fund.FundId, earmark, tx) is { Rule: "exists" } unknown)
                {
                    return Problems.Unprocessable("Unknown earmark target", unknown.Message, unknown.Field, unknown.Rule);
                }
            }

            // Conversion into the fund's base currency, rounded once.
            decimal? rate = currency.Code == fund.BaseCurrency ? 1m
                : request.ExchangeRate ?? await ExchangeRates.FindAsync(connection, database, currency.Code, fund.BaseCurrency, request.ValueDate!.Value, tx);
            if (rate is null)
            {
                return Problems.Unprocessable("No exchange rate",
                    $"No {currency.Code}/{fund.BaseCurrency} rate is recorded for {request.ValueDate:yyyy-MM-dd}; record one or give exchangeRate.", "exchangeRate", "rate-available");
            }
            var baseAmount = Conversion.ToBase(amount, rate.Value, Currency.FromCode(fund.BaseCurrency));
            if (!baseAmount.IsPositive)
            {
                return Problems.Unprocessable("Too small to convert", $"{amount} at {rate} is less than one minor unit of {fund.BaseCurrency}.", "amount", "converts-to-positive");
            }

            var received = new ContributionReceived
            {
                ContributionId = request.ContributionId ?? Guid.NewGuid(), DonorId = request.DonorId!, FundId = request.FundId!, Earmark = earmark,
                Amount = amount.Amount, Currency = currency.Code, ExchangeRate = rate, BaseAmount = baseAmount.Amount, BaseCurrency = fund.BaseCurrency,
                ValueDate = request.ValueDate!.Value, PledgeId = request.PledgeId,
                MatchedInstalments = request.PledgeId is null ? null : [.. matched.Select(m => new InstalmentPayment { No = m.No, Amount = Money.Normalise(m.Amount, currency.Code) })],
                UnpledgedAmount = unpledged is null ? null : Money.Normalise(unpledged.Value, currency.Code),
                BankReference = request.BankReference, RecordedAt = clock.GetUtcNow(), RecordedBy = actor,
            };
            var inserted = await connection.ExecuteAsync(database.Sql["contributions.insert"], new
            {
                received.ContributionId, received.DonorId, received.FundId, EarmarkKind = earmark.Kind, earmark.WindowId, earmark.ProjectId,
                received.Amount, received.Currency, received.ValueDate, received.RecordedAt, received.RecordedBy, TraceId = Activity.Current?.TraceId.ToString(),
                received.PledgeId, received.BankReference, received.ExchangeRate, received.BaseAmount, received.BaseCurrency, received.UnpledgedAmount,
            }, tx);
            if (inserted == 0)
            {
                return Problems.Conflict("Contribution already recorded",
                    $"A contribution with id {received.ContributionId} already exists; it was recorded by another request.", "contributionId", "unique");
            }
            if (matched.Count > 0)
            {
                await connection.ExecuteAsync(database.Sql["contribution_matches.insert"], new
                {
                    received.ContributionId, received.PledgeId, Nos = database.List(matched.Select(m => m.No)), Amounts = database.List(matched.Select(m => m.Amount)),
                }, tx);
            }

            // The contribution id doubles as the message id: however the event is produced, consumers see one identity.
            await outbox.EnqueueAsync(tx, received, partitionKey: $"contribution:{received.ContributionId}", messageId: received.ContributionId);
            await audit.RecordAsync(tx, actor, "contribution.recorded", "contribution", received.ContributionId.ToString(), received);
            return TypedResults.Created($"/contributions/{received.ContributionId}", ToResponse(received));
        });
    }

    internal static ContributionResponse ToResponse(ContributionReceived c) =>
        new(c.ContributionId, c.DonorId, c.FundId, c.Earmark, c.Amount, c.Currency, c.ValueDate, c.RecordedAt, c.RecordedBy, c.PledgeId, c.BankReference,
            c.ExchangeRate, c.BaseAmount, c.BaseCurrency, c.UnpledgedAmount, c.MatchedInstalments);
}
