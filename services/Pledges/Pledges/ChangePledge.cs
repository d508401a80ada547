using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Pledges;

public sealed record AmendPledgeRequest(decimal? Amount, string? Reason, IReadOnlyList<InstalmentBody>? Instalments, int? ExpectedVersion);

public sealed record CancelPledgeRequest(string? Reason, int? ExpectedVersion);

public sealed record WriteOffPledgeRequest(decimal? Amount, string? Reason, int? ExpectedVersion);

/// <summary>
/// A pledge is never edited. It is amended (up or down, never below what is settled), its unpaid part cancelled, or
/// partly written off by finance; each change is a history row, an audit row and an event, in one transaction.
/// </summary>
public static class ChangePledge
{
    public static Task<IResult> AmendAsync(Guid pledgeId, AmendPledgeRequest request, HttpContext http, IdempotentExecutor idempotency,
        PledgeStore store, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireAmount("amount", request.Amount, null, allowZero: true);
        errors.RequireText("reason", request.Reason, 500);
        return ChangeAsync(pledgeId, request, request.ExpectedVersion, errors, http, idempotency, store, clock, "amended", request.Reason,
            (pledge, schedule, currency) =>
            {
                var more = new ValidationErrors();
                if (!Money.TryOf(request.Amount!.Value, currency, out _, out var rule))
                {
                    more.Add("amount", rule, $"amount does not fit {currency.Code} ({rule}).");
                }
                var newUnpaid = request.Instalments is null ? null
                    : RecordPledge.ValidateInstalments(more, request.Instalments, null, currency, pledge.PledgedOn);
                if (!more.IsEmpty)
                {
                    throw new ValidationFailure(more);
                }
                return PledgeSchedule.Amend(schedule, request.Amount!.Value, newUnpaid?.Select(i => (i.DueDate, i.Amount)).ToList());
            },
            async (tx, pledge, after, actor) =>
            {
                var amended = new PledgeAmended
                {
                    PledgeId = pledge.PledgeId, DonorId = pledge.DonorId, FundId = pledge.FundId, AmountBefore = Money.Normalise(pledge.Amount, pledge.Currency),
                    AmountAfter = Money.Normalise(after.Sum(i => i.Amount), pledge.Currency), Currency = pledge.Currency, Reason = request.Reason!,
                    Instalments = PledgeStore.Terms(after, pledge.Currency), AmendedBy = actor, AmendedAt = clock.GetUtcNow(),
                };
                await outbox.EnqueueAsync(tx, amended, $"pledge:{pledge.PledgeId}");
                await audit.RecordAsync(tx, actor, "pledge.amended", "pledge", pledge.PledgeId.ToString(), amended);
            });
    }

    public static Task<IResult> CancelAsync(Guid pledgeId, CancelPledgeRequest request, HttpContext http, IdempotentExecutor idempotency,
        PledgeStore store, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireText("reason", request.Reason, 500);
        return ChangeAsync(pledgeId, request, request.ExpectedVersion, errors, http, idempotency, store, clock, "cancelled", request.Reason,
            (_, schedule, _) => PledgeSchedule.Outstanding(schedule) > 0
                ? PledgeSchedule.Cancel(schedule)
                : throw new PledgeRuleException("pledgeId", "outstanding", "Nothing is left to cancel: the pledge is settled."),
            async (tx, pledge, after, actor) =>
            {
                var cancelled = new PledgeCancelled
                {
                    PledgeId = pledge.PledgeId, DonorId = pledge.DonorId, FundId = pledge.FundId,
                    CancelledAmount = Money.Normalise(after.Sum(i => i.Cancelled) - pledge.Cancelled, pledge.Currency), Currency = pledge.Currency,
                    Reason = request.Reason!, CancelledBy = actor, CancelledAt = clock.GetUtcNow(),
                };
                await outbox.EnqueueAsync(tx, cancelled, $"pledge:{pledge.PledgeId}");
                await audit.RecordAsync(tx, actor, "pledge.cancelled", "pledge", pledge.PledgeId.ToString(), cancelled);
            });
    }

    public static Task<IResult> WriteOffAsync(Guid pledgeId, WriteOffPledgeRequest request, HttpContext http, IdempotentExecutor idempotency,
        PledgeStore store, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireAmount("amount", request.Amount, null);
        errors.RequireText("reason", request.Reason, 500);
        return ChangeAsync(pledgeId, request, request.ExpectedVersion, errors, http, idempotency, store, clock, "written-off", request.Reason,
            (pledge, schedule, currency) => Money.TryOf(request.Amount!.Value, currency, out var valid, out var rule) && valid.IsPositive
                ? PledgeSchedule.WriteOff(schedule, request.Amount.Value)
                : throw new ValidationFailure(new ValidationErrors().Add("amount", rule ?? "positive", $"amount does not fit {currency.Code} ({rule}).")),
            async (tx, pledge, after, actor) =>
            {
                var writtenOff = new PledgeWrittenOff
                {
                    PledgeId = pledge.PledgeId, DonorId = pledge.DonorId, FundId = pledge.FundId,
                    Amount = Money.Normalise(request.Amount!.Value, pledge.Currency), Currency = pledge.Currency, Reason = request.Reason!,
                    WrittenOffBy = actor, WrittenOffAt = clock.GetUtcNow(),
                };
                await outbox.EnqueueAsync(tx, writtenOff, $"pledge:{pledge.PledgeId}");
                await audit.RecordAsync(tx, actor, "pledge.written-off", "pledge", pledge.PledgeId.ToString(), writtenOff);
            });
    }

    /// <summary>Validation failures found only once the pledge is loaded (its currency); answered 400 and nothing kept.</summary>
    private sealed class ValidationFailure(ValidationErrors errors) : Exception("validation failed")
    {
        public ValidationErrors Errors { get; } = errors;
    }

    private static async Task<IResult> ChangeAsync<TRequest>(Guid pledgeId, TRequest request, int? expectedVersion, ValidationErrors errors,
        HttpContext http, IdempotentExecutor idempotency, PledgeStore store, TimeProvider clock, string change, string? reason,
        Func<PledgeRow, IReadOnlyList<Instalment>, Currency, IReadOnlyList<Instalment>> apply,
        Func<System.Data.Common.DbTransaction, PledgeRow, IReadOnlyList<Instalment>, string, Task> publish)
    {
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var loaded = await store.LockAsync(tx, pledgeId);
            if (loaded is null || !Donors.Donors.MayActFor(http, loaded.Value.Pledge.DonorId))
            {
                return Problems.NotFound("Unknown pledge", $"No pledge {pledgeId} exists for you.", "pledgeId");
            }
            var (pledge, schedule) = loaded.Value;
            if (expectedVersion is not null && expectedVersion != pledge.Version)
            {
                return Problems.Conflict("Pledge changed meanwhile", $"The pledge is at version {pledge.Version}, not {expectedVersion}.", "expectedVersion", "current-version");
            }
            if (pledge.Outstanding == 0 && pledge.Cancelled > 0)
            {
                return Problems.Conflict("Pledge cancelled", "The pledge's unpaid part is already cancelled.", "pledgeId", "not-cancelled");
            }
            IReadOnlyList<Instalment> after;
            try
            {
                after = apply(pledge, schedule, Currency.FromCode(pledge.Currency));
            }
            catch (ValidationFailure failure)
            {
                return failure.Errors.ToProblem();
            }
            catch (PledgeRuleException rule)
            {
                return Problems.Unprocessable("Not allowed for this pledge", rule.Message, rule.Field, rule.Rule);
            }
            var actor = http.User.SubjectOf()!;
            if (!await store.SaveAsync(tx, pledge, after, change, reason, actor))
            {
                return Problems.Conflict("Pledge changed meanwhile", "Another change to this pledge committed first; read it again.", "pledgeId", "current-version");
            }
            await publish(tx, pledge, after, actor);
            var saved = (await store.FindAsync(tx.Connection!, pledgeId: pledgeId, tx: tx)).Single();
            return TypedResults.Ok(PledgeResponses.Of(saved, after, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        });
    }
}
