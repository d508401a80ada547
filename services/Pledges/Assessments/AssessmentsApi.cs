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
using TrustFund.Pledges.Structure;

namespace TrustFund.Pledges.Assessments;

public sealed record MemberBody(string? MemberId, decimal? Rate, bool? LeastDeveloped);

public sealed record AssessRequest(int? Year, decimal? Budget, string? Currency, DateOnly? DueDate, IReadOnlyList<MemberBody>? Members,
    decimal? Floor, decimal? Ceiling, decimal? LdcCeiling);

public sealed record ReviseRequest(decimal? Budget, DateOnly? DueDate, string? Reason);

public sealed record AssessmentResponse(Guid? AssessmentId, string FundId, int Year, int Sequence, decimal Budget, decimal VoluntaryDeducted,
    decimal Assessed, string Currency, DateOnly DueDate, IReadOnlyList<MemberShare> Members, IReadOnlyList<string> Steps);

public sealed record MemberShare(string MemberId, decimal ScaleRate, bool LeastDeveloped, decimal NormalisedRate, decimal EffectiveRate, string Limit,
    decimal Share, Guid? PledgeId);

public sealed record MemberStatus(string MemberId, decimal Assessed, decimal Paid, decimal Outstanding, string Currency);

/// <summary>
/// Assessed contributions (funds financed by assessment or hybrid): the fund manager previews and issues a year's
/// assessment, one assessed pledge per member; a budget increase issues a supplementary assessment for the difference.
/// </summary>
public static class AssessmentsApi
{
    /// <summary>Five times the members of the United Nations: a scale longer than that is a mistake, not a fund.</summary>
    public const int MaxMembers = 1000;

    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/funds/{fundId}/assessments").WithTags("Assessments");
        group.MapPost("/preview", PreviewAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund()
            .WithName("PreviewAssessment").WithSummary("Compute a year's assessment line by line without issuing it (a manager of the fund)");
        group.MapPost("/", IssueAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("IssueAssessment").WithSummary("Issue a year's assessment: one assessed pledge per member (fund manager)");
        group.MapPost("/{year:int}/revisions", ReviseAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("ReviseAssessment").WithSummary("A higher budget: issue a supplementary assessment for the difference (fund manager)");
        group.MapGet("/{year:int}", StatusAsync).RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor))
            .RequireReaderOfFund()
            .WithName("GetAssessmentStatus").WithSummary("Per member: assessed, paid, outstanding");
        return app;
    }

    private static async Task<IResult> PreviewAsync(string fundId, AssessRequest request, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var prepared = await PrepareAsync(connection, database, fundId, request, clock, null);
        return prepared.Refusal ?? TypedResults.Ok(Response(null, fundId, request.Year!.Value, 1, request.DueDate!.Value, prepared.Assessment!, new Dictionary<string, Guid>()));
    }

    private static async Task<IResult> IssueAsync(string fundId, AssessRequest request, HttpContext http, IdempotentExecutor idempotency, Database database,
        PledgeStore store, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = Validate(request, clock);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            await connection.ExecuteAsync(database.Sql["locks.advisory"], new { Key = $"assessment:{fundId}:{request.Year}" }, tx);
            if ((await connection.QueryAsync<AssessmentRow>(database.Sql["assessments.of_year"], new { FundId = fundId, request.Year }, tx)).Any())
            {
                return Problems.Conflict("Already assessed", $"Fund '{fundId}' has an assessment for {request.Year}; a higher budget is a revision.", "year", "once-per-year");
            }
            var prepared = await PrepareAsync(connection, database, fundId, request, clock, tx);
            if (prepared.Refusal is not null)
            {
                return prepared.Refusal;
            }
            return TypedResults.Created($"/funds/{fundId}/assessments/{request.Year}",
                await WriteAsync(tx, database, store, outbox, audit, clock, http.User.SubjectOf()!, fundId, request.Year!.Value, 1, request.DueDate!.Value,
                    request, prepared.Assessment!, null));
        });
    }

    private static async Task<IResult> ReviseAsync(string fundId, int year, ReviseRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, PledgeStore store, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireAmount("budget", request.Budget, null);
        errors.AddIf(request.DueDate is null, "dueDate", "required", "dueDate (yyyy-MM-dd) is required.");
        errors.AddIf(request.DueDate < Today(clock), "dueDate", "not-before-pledge", "dueDate cannot be before today, the date the assessed pledges are made.");
        errors.RequireText("reason", request.Reason, 500);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            await connection.ExecuteAsync(database.Sql["locks.advisory"], new { Key = $"assessment:{fundId}:{year}" }, tx);
            var issued = (await connection.QueryAsync<AssessmentRow>(database.Sql["assessments.of_year"], new { FundId = fundId, Year = year }, tx)).ToList();
            if (issued.Count == 0)
            {
                return Problems.NotFound("No assessment", $"Fund '{fundId}' has no assessment for {year} to revise.", "year");
            }
            var first = issued[0];
            var budgetSoFar = issued.Sum(a => a.Budget);
            if (request.Budget <= budgetSoFar)
            {
                return Problems.Unprocessable("Not an increase",
                    $"The budget assessed so far is {Money.Normalise(budgetSoFar, first.Currency)} {first.Currency}; a supplementary assessment is for an increase. A decrease is made by amending the assessed pledges.",
                    "budget", "increase-only");
            }
            var members = (await connection.QueryAsync<MemberRow>(database.Sql["assessment_members.of_year"], new { FundId = fundId, Year = year }, tx))
                .Where(m => m.Sequence == 1).ToList();
            var currency = Currency.FromCode(first.Currency);
            if (!Money.TryOf(request.Budget!.Value, currency, out var budget, out var rule))
            {
                return ValidationErrors.Single("budget", rule, $"budget does not fit {currency.Code} ({rule}).");
            }
            // The difference is apportioned on the first assessment's scale; the voluntary deduction was made then.
            var difference = budget - Money.Of(Money.Normalise(budgetSoFar, currency.Code), currency);
            var computation = new AssessmentRequest(difference, null,
                [.. members.Select(m => new AssessmentMember(m.MemberId, m.ScaleRate, m.LeastDeveloped))], first.Floor, first.Ceiling, first.LdcCeiling);
            if (!AssessmentMath.TryAssess(computation, out var assessment, out var problems))
            {
                return Problems.Unprocessable("The revision cannot be apportioned", string.Join(" ", problems.Select(p => p.Message)), "members", "infeasible");
            }
            var terms = new AssessRequest(year, request.Budget, currency.Code, request.DueDate, null, first.Floor, first.Ceiling, first.LdcCeiling);
            return TypedResults.Created($"/funds/{fundId}/assessments/{year}",
                await WriteAsync(tx, database, store, outbox, audit, clock, http.User.SubjectOf()!, fundId, year, issued.Max(a => a.Sequence) + 1,
                    request.DueDate!.Value, terms, assessment!, request.Reason));
        });
    }

    private static async Task<IResult> StatusAsync(string fundId, int year, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<MemberRow>(database.Sql["assessment_members.of_year"], new { FundId = fundId, Year = year })).ToList();
        if (rows.Count == 0)
        {
            return Problems.NotFound("No assessment", $"Fund '{fundId}' has no assessment for {year}.", "year");
        }
        return TypedResults.Ok(rows.GroupBy(r => r.MemberId).Select(g =>
        {
            var currency = g.First().Currency;
            var assessed = g.Sum(r => r.Share);
            var paid = g.Sum(r => r.Paid);
            return new MemberStatus(g.Key, Money.Normalise(assessed, currency), Money.Normalise(paid, currency),
                Money.Normalise(assessed - paid - g.Sum(r => r.Settled), currency), currency);
        }).ToList());
    }

    private sealed record AssessmentRow(Guid AssessmentId, string FundId, int Year, int Sequence, decimal Budget, decimal VoluntaryDeducted, decimal Assessed,
        string Currency, DateOnly DueDate, decimal Floor, decimal Ceiling, decimal LdcCeiling, string? Reason, string IssuedBy, DateTimeOffset IssuedAt);

    private sealed record MemberRow(string MemberId, int Sequence, decimal ScaleRate, bool LeastDeveloped, decimal EffectiveRate, decimal Share,
        string Currency, decimal Paid, decimal Settled, Guid? PledgeId);

    private sealed record Prepared(IResult? Refusal, Assessment? Assessment);

    private static ValidationErrors Validate(AssessRequest request, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        if (!errors.AddIf(request.Year is null, "year", "required", "year is required."))
        {
            errors.AddIf(request.Year is < 2000 or > 2200, "year", "range", "year must be between 2000 and 2200.");
        }
        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("budget", request.Budget, currency);
        errors.AddIf(request.DueDate is null, "dueDate", "required", "dueDate (yyyy-MM-dd) is required.");
        errors.AddIf(request.DueDate < Today(clock), "dueDate", "not-before-pledge", "dueDate cannot be before today, the date the assessed pledges are made.");
        var members = errors.AddIf(request.Members is null || request.Members.Count == 0, "members", "required", "members (memberId, rate, leastDeveloped) are required.")
            || !errors.RequireMaxCount("members", request.Members!.Count, MaxMembers)
            ? 0
            : request.Members.Count;
        for (var k = 0; k < members; k++)
        {
            errors.RequireId($"members[{k}].memberId", request.Members![k].MemberId);
            errors.AddIf(request.Members[k].Rate is null, $"members[{k}].rate", "required", $"members[{k}].rate is required.");
        }
        errors.AddIf(request.Floor is null, "floor", "required", "floor (a fraction, e.g. 0.00001 for 0.001%) is required.");
        errors.AddIf(request.Ceiling is null, "ceiling", "required", "ceiling (a fraction, e.g. 0.22) is required.");
        errors.AddIf(request.LdcCeiling is null, "ldcCeiling", "required", "ldcCeiling (a fraction, e.g. 0.0001) is required.");
        return errors;
    }

    /// <summary>Checks the fund, the members and the maths; computes the assessment (with the hybrid deduction).</summary>
    private static async Task<Prepared> PrepareAsync(System.Data.Common.DbConnection connection, Database database, string fundId, AssessRequest request,
        TimeProvider clock, System.Data.Common.DbTransaction? tx)
    {
        var errors = Validate(request, clock);
        if (!errors.IsEmpty)
        {
            return new Prepared(errors.ToProblem(), null);
        }
        var fund = await connection.QuerySingleOrDefaultAsync<KnownFund>(database.Sql["structure.fund"], new { FundId = fundId }, tx);
        if (fund is null)
        {
            return new Prepared(Problems.NotFound("Unknown fund", $"Pledges does not know a fund '{fundId}' (yet).", "fundId"), null);
        }
        if (fund.FinancingModel is not (FinancingModels.Assessed or FinancingModels.Hybrid))
        {
            return new Prepared(Problems.Unprocessable("Fund is not assessed", $"Fund '{fundId}' is financed '{fund.FinancingModel}'; only assessed and hybrid funds assess members.", "fundId", "assessed-or-hybrid"), null);
        }
        for (var k = 0; k < request.Members!.Count; k++)
        {
            if (await connection.QuerySingleOrDefaultAsync<DonorRow>(database.Sql["donors.find"], new { DonorId = request.Members[k].MemberId }, tx) is null)
            {
                return new Prepared(Problems.Unprocessable("Unknown member", $"No donor '{request.Members[k].MemberId}' is registered.", $"members[{k}].memberId", "exists"), null);
            }
        }
        var currency = Currency.FromCode(request.Currency!);
        if (currency.Code != fund.BaseCurrency)
        {
            return new Prepared(Problems.Unprocessable("Not the fund's currency",
                $"An assessment apportions the fund's budget: it is in the fund's base currency {fund.BaseCurrency}, not {currency.Code}.", "currency", "base-currency"), null);
        }
        Money? voluntary = fund.FinancingModel == FinancingModels.Hybrid
            ? Money.Of(Money.Normalise(await connection.ExecuteScalarAsync<decimal>(database.Sql["pledges.voluntary_core"],
                new { FundId = fundId, Currency = currency.Code, request.Year }, tx), currency.Code), currency)
            : null;
        var computation = new AssessmentRequest(Money.Of(request.Budget!.Value, currency), voluntary,
            [.. request.Members.Select(m => new AssessmentMember(m.MemberId!, m.Rate!.Value, m.LeastDeveloped ?? false))],
            request.Floor!.Value, request.Ceiling!.Value, request.LdcCeiling!.Value);
        if (!AssessmentMath.TryAssess(computation, out var assessment, out var problems))
        {
            var invalid = new ValidationErrors();
            foreach (var p in problems)
            {
                invalid.Add(p.Field, p.Rule, p.Message);
            }
            return new Prepared(invalid.ToProblem(), null);
        }
        return new Prepared(null, assessment);
    }

    private static async Task<AssessmentResponse> WriteAsync(System.Data.Common.DbTransaction tx, Database database, PledgeStore store, OutboxWriter outbox,
        AuditTrail audit, TimeProvider clock, string actor, string fundId, int year, int sequence, DateOnly dueDate, AssessRequest terms,
        Assessment assessment, string? reason)
    {
        var connection = tx.Connection!;
        var assessmentId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(database.Sql["assessments.insert"], new
        {
            AssessmentId = assessmentId, FundId = fundId, Year = year, Sequence = sequence, Budget = assessment.Budgeted.Amount,
            VoluntaryDeducted = assessment.VoluntaryDeducted.Amount, Assessed = assessment.Assessed.Amount, Currency = assessment.Assessed.Currency.Code,
            DueDate = dueDate, terms.Floor, terms.Ceiling, terms.LdcCeiling, Reason = reason, IssuedBy = actor, IssuedAt = now,
            TraceId = Activity.Current?.TraceId.ToString(),
        }, tx);
        var pledges = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var member in assessment.Members)
        {
            Guid? pledgeId = null;
            if (member.Share.IsPositive)
            {
                var recorded = new PledgeRecorded
                {
                    PledgeId = Guid.NewGuid(), DonorId = member.MemberId, FundId = fundId, Earmark = Earmark.Unearmarked, Amount = member.Share.Amount,
                    Currency = member.Share.Currency.Code, PledgedOn = DateOnly.FromDateTime(now.UtcDateTime), Kind = "assessed", AssessmentId = assessmentId,
                    Instalments = [new InstalmentTerms { No = 1, DueDate = dueDate, Amount = member.Share.Amount }], RecordedBy = actor, RecordedAt = now,
                    BaseCurrency = member.Share.Currency.Code, ExchangeRate = 1m, BaseAmount = member.Share.Amount,
                };
                await RecordPledge.InsertAsync(tx, database, store, recorded);
                await outbox.EnqueueAsync(tx, recorded, $"pledge:{recorded.PledgeId}");
                pledgeId = recorded.PledgeId;
                pledges[member.MemberId] = recorded.PledgeId;
            }
            await connection.ExecuteAsync(database.Sql["assessment_members.insert"], new
            {
                AssessmentId = assessmentId, member.MemberId, member.ScaleRate, member.LeastDeveloped, member.EffectiveRate, member.Limit,
                Share = member.Share.Amount, PledgeId = pledgeId,
            }, tx);
        }
        var response = Response(assessmentId, fundId, year, sequence, dueDate, assessment, pledges);
        await outbox.EnqueueAsync(tx, new AssessmentIssued
        {
            AssessmentId = assessmentId, FundId = fundId, Year = year, Sequence = sequence, Budget = response.Budget,
            VoluntaryDeducted = response.VoluntaryDeducted, Assessed = response.Assessed, Currency = response.Currency, DueDate = dueDate,
            Members = [.. response.Members.Select(m => new AssessedShare { MemberId = m.MemberId, EffectiveRate = m.EffectiveRate, Amount = m.Share, PledgeId = m.PledgeId })],
            IssuedBy = actor, IssuedAt = now,
        }, $"assessment:{fundId}:{year}");
        await audit.RecordAsync(tx, actor, sequence == 1 ? "assessment.issued" : "assessment.supplementary-issued", "assessment",
            $"{fundId}/{year}/{sequence}", new { terms, reason, assessment.Assessed, shares = response.Members.Select(m => new { m.MemberId, m.Share }) });
        return response;
    }

    private static AssessmentResponse Response(Guid? assessmentId, string fundId, int year, int sequence, DateOnly dueDate, Assessment a,
        IReadOnlyDictionary<string, Guid> pledges) =>
        new(assessmentId, fundId, year, sequence, a.Budgeted.Amount, a.VoluntaryDeducted.Amount, a.Assessed.Amount, a.Assessed.Currency.Code, dueDate,
            [.. a.Members.Select(m => new MemberShare(m.MemberId, m.ScaleRate, m.LeastDeveloped, m.NormalisedRate, m.EffectiveRate, m.Limit, m.Share.Amount,
                pledges.TryGetValue(m.MemberId, out var p) ? p : null))],
            a.Steps);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
