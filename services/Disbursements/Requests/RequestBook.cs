using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

public sealed record RequestRow(Guid RequestId, string FundId, string ProjectId, string WindowId, string PartnerId, string RequestedBy, decimal Amount,
    string Currency, string Purpose, string? Tranche, DateOnly NeededBy, string Status, int ApprovalsNeeded, decimal? Available, string? RefusalReason,
    DateTimeOffset? ReservationExpiresAt, DateOnly? PaymentValueDate, string? PaymentReference, string? PaidBy, string? Attribution, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ApproversJson)
{
    /// <summary>Who approved so far, in order.</summary>
    public IReadOnlyList<string> Approvers => JsonSerializer.Deserialize<string[]>(ApproversJson) ?? [];

    public RequestState State => new(Status, RequestedBy, Amount, ApprovalsNeeded, Approvers.ToHashSet(StringComparer.Ordinal), ReservationExpiresAt);
}

/// <summary>
/// Which requests a list shows: a requester's or a partner's, in one status, or the stuck payments (failed ones, and
/// those still being booked since before <see cref="StuckBefore"/>); only in <see cref="FundIds"/> when given.
/// </summary>
public sealed record RequestFilter(string? RequestedBy = null, string? PartnerId = null, string? Status = null, DateTimeOffset? StuckBefore = null,
    IReadOnlyList<string>? FundIds = null);

/// <summary>Facts a transition records besides the new status.</summary>
public sealed record TransitionFacts(decimal? Available = null, string? RefusalReason = null, DateTimeOffset? ExpiresAt = null,
    DateOnly? ValueDate = null, string? PaymentReference = null, string? PaidBy = null, FundsDisbursed? Disbursed = null);

/// <summary>
/// Loads a request under its row lock and applies a workflow decision in the caller's transaction: the guarded status
/// change (optimistic on the version read), the transition row, the approval, the commands to Earmarking and the
/// events, and the audit row, all or nothing.
/// </summary>
public sealed class RequestBook(Database database, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Partition(Guid requestId) => $"request:{requestId}";

    public async Task<RequestRow?> LockAsync(DbTransaction tx, Guid requestId)
    {
        await tx.Connection!.ExecuteScalarAsync<long>(database.Sql["requests.lock"], new { RequestId = requestId }, tx);
        return (await FindAsync(tx.Connection!, requestId: requestId, tx: tx)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<RequestRow>> FindAsync(DbConnection connection, Guid? requestId = null, string? requestedBy = null, string? status = null,
        DbTransaction? tx = null) =>
        [.. await connection.QueryAsync<RequestRow>(database.Sql["requests.find"],
            new
            {
                RequestId = requestId, RequestedBy = requestedBy, PartnerId = (string?)null, FundIds = (object?)null, Status = status,
                StuckBefore = (DateTimeOffset?)null, AfterId = (Guid?)null, Limit = (int?)null,
            }, tx)];

    /// <summary>A page of the requests <paramref name="filter"/> selects: oldest first, the <paramref name="limit"/> after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<RequestRow>> PageAsync(DbConnection connection, RequestFilter filter, Guid? afterId, int limit) =>
        [.. await connection.QueryAsync<RequestRow>(database.Sql["requests.find"], new
        {
            RequestId = (Guid?)null, filter.RequestedBy, filter.PartnerId, FundIds = filter.FundIds is null ? null : database.List(filter.FundIds), filter.Status, filter.StuckBefore,
            AfterId = afterId, Limit = limit,
        })];

    /// <returns>false when the request changed since it was read (the caller answers 409 or lets the message be retried).</returns>
    public async Task<bool> ApplyAsync(DbTransaction tx, RequestRow row, Decision decision, string actor, string? reason, TransitionFacts? facts = null)
    {
        facts ??= new TransitionFacts();
        var connection = tx.Connection!;
        var now = clock.GetUtcNow();
        var to = decision.To ?? row.Status;
        if (decision.To is null && !decision.RecordApproval && !decision.Release && !decision.Consume)
        {
            return true;
        }
        var changed = await connection.ExecuteAsync(database.Sql["requests.transition"], new
        {
            row.RequestId, row.Version, To = to, Now = now, facts.Available, facts.RefusalReason, facts.ExpiresAt, facts.ValueDate, facts.PaymentReference,
            facts.PaidBy, Attribution = facts.Disbursed is null ? null : JsonSerializer.Serialize(new { facts.Disbursed.Lines, facts.Disbursed.Attribution }, Json),
        }, tx);
        if (changed == 0)
        {
            return false;
        }
        if (decision.RecordApproval)
        {
            await connection.ExecuteAsync(database.Sql["approvals.insert"], new { row.RequestId, Approver = actor, Now = now }, tx);
        }
        if (decision.To is not null)
        {
            await connection.ExecuteAsync(database.Sql["transitions.insert"], new
            {
                row.RequestId, From = row.Status, To = to, Actor = actor, Reason = reason, Now = now, TraceId = Activity.Current?.TraceId.ToString(),
            }, tx);
        }
        if (decision.Release)
        {
            await outbox.EnqueueAsync(tx, new ReleaseReservation { RequestId = row.RequestId, Reason = reason ?? to, ReleasedBy = actor }, Partition(row.RequestId));
        }
        if (decision.Consume)
        {
            await outbox.EnqueueAsync(tx, new ConsumeReservation
            {
                // A retry asks again with the payment finance recorded first.
                RequestId = row.RequestId, ValueDate = (facts.ValueDate ?? row.PaymentValueDate)!.Value, PaymentReference = facts.PaymentReference ?? row.PaymentReference,
                ConsumedBy = actor, BookIfReleased = decision.BookIfReleased,
            }, Partition(row.RequestId));
        }
        await PublishAsync(tx, row, decision, to, actor, reason, facts, now);
        await audit.RecordAsync(tx, actor, decision.To is null ? "request.approval-recorded" : $"request.{to}", "request", row.RequestId.ToString(),
            new { from = row.Status, to, reason, facts.Available, facts.RefusalReason, facts.ValueDate, facts.PaymentReference });
        return true;
    }

    private async Task PublishAsync(DbTransaction tx, RequestRow r, Decision decision, string to, string actor, string? reason, TransitionFacts facts,
        DateTimeOffset now)
    {
        var amount = Money.Normalise(r.Amount, r.Currency);
        object? message = decision.To switch
        {
            RequestStatuses.Approved => new DisbursementApproved
            {
                RequestId = r.RequestId, FundId = r.FundId, WindowId = r.WindowId, ProjectId = r.ProjectId, PartnerId = r.PartnerId, Amount = amount,
                Currency = r.Currency, ApprovedBy = [.. r.Approvers.Append(actor).Distinct(StringComparer.Ordinal)], ApprovedAt = now,
            },
            RequestStatuses.Rejected => new DisbursementRejected
            {
                RequestId = r.RequestId, FundId = r.FundId, WindowId = r.WindowId, ProjectId = r.ProjectId, PartnerId = r.PartnerId, Amount = amount,
                Currency = r.Currency, Reason = reason ?? "", RejectedBy = actor, RejectedAt = now,
            },
            RequestStatuses.Cancelled => new DisbursementCancelled
            {
                RequestId = r.RequestId, FundId = r.FundId, WindowId = r.WindowId, ProjectId = r.ProjectId, PartnerId = r.PartnerId, Amount = amount,
                Currency = r.Currency, CancelledBy = actor, CancelledAt = now,
            },
            RequestStatuses.Paid when facts.Disbursed is { } d => new DisbursementPaid
            {
                RequestId = r.RequestId, FundId = r.FundId, WindowId = r.WindowId, ProjectId = r.ProjectId, PartnerId = r.PartnerId, Amount = amount,
                Currency = r.Currency, ValueDate = d.ValueDate, BankReference = r.PaymentReference ?? d.PaymentReference ?? "", Lines = d.Lines,
                Attribution = d.Attribution, PaidBy = r.PaidBy ?? "", PaidAt = d.DisbursedAt,
            },
            _ => null,
        };
        switch (message)
        {
            case DisbursementApproved m: await outbox.EnqueueAsync(tx, m, Partition(r.RequestId)); break;
            case DisbursementRejected m: await outbox.EnqueueAsync(tx, m, Partition(r.RequestId)); break;
            case DisbursementCancelled m: await outbox.EnqueueAsync(tx, m, Partition(r.RequestId)); break;
            case DisbursementPaid m: await outbox.EnqueueAsync(tx, m, Partition(r.RequestId)); break;
            default: break;
        }
    }
}
