using System.Diagnostics;
using System.Security.Claims;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

public sealed record CreateRequest(Guid? RequestId, string? FundId, string? ProjectId, decimal? Amount, string? Currency, string? Purpose,
    string? Tranche, DateOnly? NeededBy);

public sealed record DecisionRequest(string? Reason);

public sealed record PayRequest(DateOnly? ValueDate, string? BankReference, decimal? Amount);

public sealed record ProjectCopy(string FundId, string ProjectId, string WindowId, string ProjectLead, string PartnerId, string Status,
    string BaseCurrency, decimal TwoApproverThreshold);

public sealed record TransitionRow(string? FromStatus, string ToStatus, string Actor, string? Reason, DateTimeOffset OccurredAt, string? TraceId);

public sealed record RequestResponse(Guid RequestId, string FundId, string ProjectId, string WindowId, string PartnerId, string RequestedBy, decimal Amount,
    string Currency, string Purpose, string? Tranche, DateOnly NeededBy, string Status, int ApprovalsNeeded, IReadOnlyList<string> ApprovedBy,
    decimal? Available, string? RefusalReason, DateTimeOffset? ReservationExpiresAt, DateOnly? PaymentValueDate, string? PaymentReference,
    System.Text.Json.JsonElement? Attribution, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TransitionRow>? History);

/// <summary>
/// Disbursement requests over HTTP: project leads request and cancel, fund managers approve or reject, finance pays.
/// Every command locks the request, asks <see cref="RequestWorkflow"/>, and applies the decision in one transaction.
/// </summary>
public static class RequestsApi
{
    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/requests").WithTags("Disbursement requests");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.ProjectLead).RequireIdempotencyKey()
            .WithName("RequestDisbursement").WithSummary("Request money for one of your projects; Earmarking is asked to reserve it (project lead)");
        group.MapPost("/{requestId:guid}/approve", (Guid requestId, HttpContext http, IdempotentExecutor idempotency, RequestBook book) =>
                CommandAsync(requestId, new DecisionRequest(null), http, idempotency, book, (s, actor) => RequestWorkflow.Approve(s, actor), null,
                    asFundManager: true))
            .RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("ApproveRequest").WithSummary("Approve a reserved request (a manager of its fund; never the requester; two different managers above the threshold)");
        group.MapPost("/{requestId:guid}/reject", RejectAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("RejectRequest").WithSummary("Reject a request with a reason; its reservation is released (a manager of its fund)");
        group.MapPost("/{requestId:guid}/cancel", (Guid requestId, HttpContext http, IdempotentExecutor idempotency, RequestBook book) =>
                CommandAsync(requestId, new DecisionRequest(null), http, idempotency, book, (s, actor) => RequestWorkflow.Cancel(s, actor), "cancelled by the requester"))
            .RequireAuthorization(Roles.ProjectLead).RequireIdempotencyKey()
            .WithName("CancelRequest").WithSummary("Cancel your request before approval; its reservation is released (the requester)");
        group.MapPost("/{requestId:guid}/pay", PayAsync).RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("PayRequest").WithSummary("Record the payment of an approved request (finance; never its requester or an approver); Earmarking attributes it to donors");
        group.MapGet("/{requestId:guid}", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.ProjectLead, Roles.FundManager, Roles.Finance, Roles.Auditor))
            .WithName("GetRequest").WithSummary("A request with its history (a project lead sees only its partner's; a fund manager only those of its funds)");
        group.MapGet("/mine", (int? limit, Guid? after, HttpContext http, Database database, RequestBook book) =>
                PageAsync(limit, after, http, database, book, _ => Task.FromResult(http.User.PartnerIdOf() is { } partner
                    ? new RequestFilter(PartnerId: partner)
                    : new RequestFilter(RequestedBy: http.User.SubjectOf()))))
            .RequireAuthorization(Roles.ProjectLead).WithName("MyRequests")
            .WithSummary("Your partner's requests (yours alone without a partner_id claim), oldest first, a page at a time (project lead)");
        group.MapGet("/awaiting-approval", (int? limit, Guid? after, HttpContext http, Database database, RequestBook book, FundManagers managers) =>
                PageAsync(limit, after, http, database, book, async connection =>
                    new RequestFilter(Status: RequestStatuses.Reserved, FundIds: await managers.ReadableFundsAsync(connection, http.User))))
            .RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Auditor)).WithName("ApprovalQueue")
            .WithSummary("Requests whose funds are reserved, oldest first, with approvals so far and the hold's expiry, a page at a time (a fund manager sees its funds')");
        group.MapGet("/awaiting-payment", (int? limit, Guid? after, HttpContext http, Database database, RequestBook book) =>
                PageAsync(limit, after, http, database, book, _ => Task.FromResult(new RequestFilter(Status: RequestStatuses.Approved))))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor)).WithName("PaymentQueue")
            .WithSummary("Approved requests not paid yet, oldest first, a page at a time (finance)");
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateRequest request, HttpContext http, IdempotentExecutor idempotency, Database database,
        RequestBook book, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.RequestId == Guid.Empty, "requestId", "not-empty", "requestId may be omitted but not the empty UUID.");
        errors.RequireId("fundId", request.FundId);
        errors.RequireId("projectId", request.ProjectId);
        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("amount", request.Amount, currency);
        errors.RequireText("purpose", request.Purpose, 500);
        if (request.Tranche is not null)
        {
            errors.RequireText("tranche", request.Tranche, 100);
        }
        errors.AddIf(request.NeededBy is null, "neededBy", "required", "neededBy (yyyy-MM-dd) is required.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            var actor = http.User.SubjectOf()!;
            var project = await connection.QuerySingleOrDefaultAsync<ProjectCopy>(database.Sql["structure.project"], new { request.FundId, request.ProjectId }, tx);
            if (project is null || (http.User.PartnerIdOf() is { } partner ? project.PartnerId != partner : project.ProjectLead != actor))
            {
                return Problems.NotFound("Unknown project", $"Your partner runs no project '{request.ProjectId}' in fund '{request.FundId}'.", "projectId");
            }
            if (project.Status != "open")
            {
                return Problems.Unprocessable("Project closed", $"Project '{request.ProjectId}' is closed.", "projectId", "open");
            }
            if (project.BaseCurrency != currency!.Code)
            {
                return Problems.Unprocessable("Wrong currency", $"Fund '{request.FundId}' disburses in {project.BaseCurrency}.", "currency", "base-currency");
            }
            var now = clock.GetUtcNow();
            var amount = Money.Of(request.Amount!.Value, currency).Amount;
            var requested = new DisbursementRequested
            {
                RequestId = request.RequestId ?? Guid.NewGuid(), FundId = project.FundId, WindowId = project.WindowId, ProjectId = project.ProjectId,
                PartnerId = project.PartnerId, Amount = amount, Currency = currency.Code, Purpose = request.Purpose!, Tranche = request.Tranche,
                NeededBy = request.NeededBy!.Value, RequestedBy = actor, RequestedAt = now,
            };
            if (await connection.ExecuteAsync(database.Sql["requests.insert"], new
            {
                requested.RequestId, requested.FundId, requested.ProjectId, requested.WindowId, requested.PartnerId, requested.RequestedBy, requested.Amount,
                requested.Currency, requested.Purpose, requested.Tranche, requested.NeededBy, ApprovalsNeeded = amount > project.TwoApproverThreshold ? 2 : 1,
                Now = now, TraceId = Activity.Current?.TraceId.ToString(),
            }, tx) == 0)
            {
                return Problems.Conflict("Request already exists", $"A request with id {requested.RequestId} exists.", "requestId", "unique");
            }
            await connection.ExecuteAsync(database.Sql["transitions.insert"], new
            {
                requested.RequestId, From = (string?)null, To = RequestStatuses.Submitted, Actor = actor, Reason = request.Purpose, Now = now,
                TraceId = Activity.Current?.TraceId.ToString(),
            }, tx);
            var partition = RequestBook.Partition(requested.RequestId);
            await outbox.EnqueueAsync(tx, requested, partition);
            await outbox.EnqueueAsync(tx, new ReserveFunds
            {
                RequestId = requested.RequestId, FundId = requested.FundId, ProjectId = requested.ProjectId, Amount = amount, Currency = currency.Code, RequestedBy = actor,
            }, partition);
            await audit.RecordAsync(tx, actor, "request.submitted", "request", requested.RequestId.ToString(), requested);
            return TypedResults.Created($"/requests/{requested.RequestId}", await ResponseAsync(connection, book, requested.RequestId, tx));
        });
    }

    private static Task<IResult> RejectAsync(Guid requestId, DecisionRequest request, HttpContext http, IdempotentExecutor idempotency, RequestBook book) =>
        ReasonedCommandAsync(requestId, request, http, idempotency, book, RequestWorkflow.Reject, asFundManager: true);

    /// <summary>A command that needs a reason (the transition and audit rows keep it).</summary>
    internal static async Task<IResult> ReasonedCommandAsync(Guid requestId, DecisionRequest request, HttpContext http, IdempotentExecutor idempotency,
        RequestBook book, Func<RequestState, Decision> decide, bool asFundManager = false)
    {
        var errors = new ValidationErrors();
        errors.RequireText("reason", request.Reason, 500);
        return errors.IsEmpty
            ? await CommandAsync(requestId, request, http, idempotency, book, (s, _) => decide(s), request.Reason, asFundManager: asFundManager)
            : errors.ToProblem();
    }

    private static async Task<IResult> PayAsync(Guid requestId, PayRequest request, HttpContext http, IdempotentExecutor idempotency, RequestBook book,
        TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.ValueDate is null, "valueDate", "required", "valueDate (yyyy-MM-dd) is required.");
        errors.RequireText("bankReference", request.BankReference, 100);
        errors.RequireAmount("amount", request.Amount, null);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await CommandAsync(requestId, request, http, idempotency, book, (s, actor) => RequestWorkflow.Pay(s, request.Amount!.Value, clock.GetUtcNow(), actor), "paid",
            actor => new TransitionFacts(ValueDate: request.ValueDate, PaymentReference: request.BankReference, PaidBy: actor));
    }

    /// <summary>
    /// Locks the request, lets the workflow decide, applies the decision; a lead sees only its partner's requests, and a
    /// command given <paramref name="asFundManager"/> only a manager of the request's fund may give.
    /// </summary>
    internal static async Task<IResult> CommandAsync<TRequest>(Guid requestId, TRequest body, HttpContext http, IdempotentExecutor idempotency, RequestBook book,
        Func<RequestState, string, Decision> decide, string? reason, Func<string, TransitionFacts>? facts = null, bool asFundManager = false) =>
        await idempotency.ExecuteAsync(http, body, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            var row = await book.LockAsync(tx, requestId);
            if (row is null || !LeadMaySee(http.User, row))
            {
                return Problems.NotFound("Unknown request", $"No request {requestId} exists for you.", "requestId");
            }
            if (asFundManager && await http.RequestServices.GetRequiredService<FundManagers>().RequireManagerAsync(tx.Connection!, http.User, row.FundId, tx)
                    is { } notManager)
            {
                return notManager;
            }
            var decision = decide(row.State, actor);
            if (decision.Refusal is { } refusal)
            {
                return Problems.Of(refusal.Status, refusal.Rule, refusal.Message, refusal.Field, refusal.Rule);
            }
            if (!await book.ApplyAsync(tx, row, decision, actor, reason, facts?.Invoke(actor)))
            {
                return Problems.Conflict("Request changed meanwhile", "Another change to this request committed first; read it again.", "requestId", "current-version");
            }
            return TypedResults.Ok(await ResponseAsync(tx.Connection!, book, requestId, tx));
        });

    private static bool IsLeadOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ProjectLead) && !user.IsInRole(Roles.FundManager) && !user.IsInRole(Roles.Finance) && !user.IsInRole(Roles.Auditor);

    /// <summary>
    /// A project lead acts for an implementing partner (token claim <c>partner_id</c>) and sees that partner's requests,
    /// its colleagues' included; a lead token without a partner sees only the requests it made itself.
    /// </summary>
    internal static bool LeadMaySee(ClaimsPrincipal user, RequestRow row) =>
        !IsLeadOnly(user) || (user.PartnerIdOf() is { } partner ? row.PartnerId == partner : row.RequestedBy == user.SubjectOf());

    private static async Task<IResult> GetAsync(Guid requestId, HttpContext http, Database database, RequestBook book, FundManagers managers)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var row = (await book.FindAsync(connection, requestId: requestId)).SingleOrDefault();
        if (row is null || !LeadMaySee(http.User, row))
        {
            return Problems.NotFound("Unknown request", $"No request {requestId} exists for you.", "requestId");
        }
        if (http.User.IsInRole(Roles.FundManager) && await managers.RequireReaderAsync(connection, http.User, row.FundId) is { } notManager)
        {
            return notManager;
        }
        var history = (await connection.QueryAsync<TransitionRow>(database.Sql["transitions.by_request"], new { RequestId = requestId })).ToList();
        return TypedResults.Ok(ToResponse(row, history));
    }

    /// <summary>A page of requests, oldest first (creation time, then id): the <c>limit</c> after the request <c>after</c>.</summary>
    internal static Task<IResult> PageAsync(int? limit, Guid? after, HttpContext http, Database database, RequestBook book,
        Func<System.Data.Common.DbConnection, Task<RequestFilter>> filter) =>
        Paging.AnswerAsync(limit, async size =>
        {
            await using var connection = await database.OpenAsync(http.RequestAborted);
            return await book.PageAsync(connection, await filter(connection), after, size);
        }, r => r.RequestId.ToString(), r => ToResponse(r, null));

    private static async Task<RequestResponse> ResponseAsync(System.Data.Common.DbConnection connection, RequestBook book, Guid requestId,
        System.Data.Common.DbTransaction tx) =>
        ToResponse((await book.FindAsync(connection, requestId: requestId, tx: tx)).Single(), null);

    internal static RequestResponse ToResponse(RequestRow r, IReadOnlyList<TransitionRow>? history) =>
        new(r.RequestId, r.FundId, r.ProjectId, r.WindowId, r.PartnerId, r.RequestedBy, Money.Normalise(r.Amount, r.Currency), r.Currency, r.Purpose, r.Tranche,
            r.NeededBy, r.Status, r.ApprovalsNeeded, r.Approvers, r.Available is { } a ? Money.Normalise(a, r.Currency) : null, r.RefusalReason,
            r.ReservationExpiresAt, r.PaymentValueDate, r.PaymentReference,
            r.Attribution is null ? null : System.Text.Json.JsonDocument.Parse(r.Attribution).RootElement.Clone(), r.Version, r.CreatedAt, r.UpdatedAt, history);
}
