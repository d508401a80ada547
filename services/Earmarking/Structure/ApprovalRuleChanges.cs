using System.Data.Common;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

public sealed record ProposeApprovalRuleRequest(Guid? ChangeId, decimal? TwoApproverThreshold, string? Reason);

public sealed record DecideApprovalRuleRequest(string? Reason);

public sealed record ApprovalRuleChangeRow(Guid ChangeId, string FundId, decimal TwoApproverThreshold, decimal PreviousThreshold, string Reason,
    string Status, string ProposedBy, DateTimeOffset ProposedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason);

/// <summary>
/// A fund's approval rule (the amount above which two different fund managers must approve a disbursement) changes
/// only with two people: one manager of the fund proposes, another confirms; either may reject a pending proposal
/// (the proposer withdrawing it). Nothing changes until the confirmation, which publishes the fund's new settings.
/// </summary>
public static class ApprovalRuleChanges
{
    public const string Proposed = "proposed";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

    public static async Task<IResult> ProposeAsync(string fundId, ProposeApprovalRuleRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.ChangeId == Guid.Empty, "changeId", "not-empty", "changeId may be omitted but not the empty UUID.");
        errors.AddIf(request.TwoApproverThreshold is null, "twoApproverThreshold", "required", "twoApproverThreshold is required.");
        errors.AddIf(request.TwoApproverThreshold < 0, "twoApproverThreshold", "not-negative", "twoApproverThreshold cannot be negative.");
        errors.RequireText("reason", request.Reason, 500);
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
            var threshold = request.TwoApproverThreshold!.Value;
            if (!Money.TryOf(threshold, fund.Currency, out _, out var rule))
            {
                return ValidationErrors.Single("twoApproverThreshold", rule, $"twoApproverThreshold does not fit {fund.BaseCurrency} ({rule}).");
            }
            if (threshold == fund.TwoApproverThreshold)
            {
                return Problems.Unprocessable("Nothing to change", $"Fund '{fundId}' already has a two-approver threshold of {threshold}.",
                    "twoApproverThreshold", "changed");
            }
            var changeId = request.ChangeId ?? Guid.NewGuid();
            if (await connection.QuerySingleOrDefaultAsync<Guid?>(database.Sql["approval_rule_changes.pending"], new { FundId = fundId }, tx) is { } pending)
            {
                return Problems.Conflict("A change is pending", $"Change {pending} to fund '{fundId}''s approval rule waits for a second manager; confirm or reject it first.",
                    "fundId", "one-pending");
            }
            var actor = http.User.SubjectOf()!;
            if (await connection.ExecuteAsync(database.Sql["approval_rule_changes.insert"], new
                {
                    ChangeId = changeId, FundId = fundId, TwoApproverThreshold = threshold, PreviousThreshold = fund.TwoApproverThreshold,
                    request.Reason, Actor = actor, Now = clock.GetUtcNow(),
                }, tx) == 0)
            {
                // Another proposal for this fund committed meanwhile, or this change id is taken.
                return Problems.Conflict("A change is pending", $"Change {changeId} exists, or another change to fund '{fundId}' is pending.", "changeId", "unique");
            }
            await audit.RecordAsync(tx, actor, "fund.approval-rule-proposed", "fund", fundId, new { changeId, request.TwoApproverThreshold, request.Reason });
            return TypedResults.Created($"/funds/{fundId}/approval-rule-changes/{changeId}", await GetAsync(connection, database, fundId, changeId, tx));
        });
    }

    public static async Task<IResult> ConfirmAsync(string fundId, Guid changeId, HttpContext http, IdempotentExecutor idempotency, Database database,
        StructureEvents events, AuditTrail audit, TimeProvider clock) =>
        await idempotency.ExecuteAsync(http, new { }, async tx =>
        {
            var connection = tx.Connection!;
            var actor = http.User.SubjectOf()!;
            var change = await LockAsync(tx, database, fundId, changeId);
            if (Undecidable(change, fundId, changeId) is { } refused)
            {
                return refused;
            }
            if (change!.ProposedBy == actor)
            {
                return Problems.Of(StatusCodes.Status403Forbidden, "A second manager must confirm",
                    "Whoever proposes a change to a fund's approval rule never confirms it; another manager of the fund must.", "Authorization", "second-person");
            }
            var now = clock.GetUtcNow();
            await DecideAsync(tx, database, change, Confirmed, actor, null, now);
            await connection.ExecuteAsync(database.Sql["funds.set_threshold"],
                new { FundId = fundId, change.TwoApproverThreshold, Now = now, Actor = actor }, tx);
            await events.FundAsync(tx, fundId, "approval-rule-changed");
            await audit.RecordAsync(tx, actor, "fund.approval-rule-confirmed", "fund", fundId,
                new { changeId, change.ProposedBy, change.PreviousThreshold, change.TwoApproverThreshold });
            return TypedResults.Ok(await GetAsync(connection, database, fundId, changeId, tx));
        });

    public static async Task<IResult> RejectAsync(string fundId, Guid changeId, DecideApprovalRuleRequest request, HttpContext http,
        IdempotentExecutor idempotency, Database database, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireText("reason", request.Reason, 500);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            var change = await LockAsync(tx, database, fundId, changeId);
            if (Undecidable(change, fundId, changeId) is { } refused)
            {
                return refused;
            }
            await DecideAsync(tx, database, change!, Rejected, actor, request.Reason, clock.GetUtcNow());
            await audit.RecordAsync(tx, actor, "fund.approval-rule-rejected", "fund", fundId, new { changeId, change!.ProposedBy, request.Reason });
            return TypedResults.Ok(await GetAsync(tx.Connection!, database, fundId, changeId, tx));
        });
    }

    /// <summary>A fund's approval rule changes, oldest first, a page at a time.</summary>
    public static async Task<IResult> ListAsync(string fundId, int? limit, Guid? after, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var size = errors.RequireLimit(limit);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ApprovalRuleChangeRow>(database.Sql["approval_rule_changes.list"],
            new { FundId = fundId, AfterId = after, Limit = size + 1 })).ToList();
        return TypedResults.Ok(Paging.Of(rows, size, r => r.ChangeId.ToString()));
    }

    private static IResult? Undecidable(ApprovalRuleChangeRow? change, string fundId, Guid changeId) =>
        change is null
            ? Problems.NotFound("Unknown change", $"No change {changeId} to fund '{fundId}''s approval rule was proposed.", "changeId")
            : change.Status != Proposed
                ? Problems.Conflict("Already decided", $"Change {changeId} was {change.Status} by {change.DecidedBy}.", "changeId", "proposed")
                : null;

    private static async Task DecideAsync(DbTransaction tx, Database database, ApprovalRuleChangeRow change, string status, string actor, string? reason,
        DateTimeOffset now)
    {
        if (await tx.Connection!.ExecuteAsync(database.Sql["approval_rule_changes.decide"],
                new { change.FundId, change.ChangeId, Status = status, Actor = actor, Now = now, Reason = reason }, tx) != 1)
        {
            throw new InvalidOperationException($"Approval rule change {change.ChangeId} was decided concurrently; the transaction is rolled back.");
        }
    }

    private static Task<ApprovalRuleChangeRow?> LockAsync(DbTransaction tx, Database database, string fundId, Guid changeId) =>
        tx.Connection!.QuerySingleOrDefaultAsync<ApprovalRuleChangeRow>(database.Sql["approval_rule_changes.lock"], new { FundId = fundId, ChangeId = changeId }, tx);

    private static Task<ApprovalRuleChangeRow?> GetAsync(DbConnection connection, Database database, string fundId, Guid changeId, DbTransaction? tx) =>
        connection.QuerySingleOrDefaultAsync<ApprovalRuleChangeRow>(database.Sql["approval_rule_changes.get"], new { FundId = fundId, ChangeId = changeId }, tx);
}
