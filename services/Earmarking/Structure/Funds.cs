using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

public sealed record DefineFundRequest(string? FundId, string? Name, string? BaseCurrency, decimal? FeeRate, string? FinancingModel,
    decimal? TwoApproverThreshold, bool? InterestToCore);

/// <param name="TwoApproverThreshold">Accepted only unchanged: the approval rule changes through <see cref="ApprovalRuleChanges"/>.</param>
public sealed record ChangeFundSettingsRequest(string? Name, decimal? FeeRate, decimal? TwoApproverThreshold, bool? InterestToCore, int? ExpectedVersion);

public sealed record WindowResponse(string WindowId, string Name, string Status, int Version);

public sealed record ProjectResponse(string ProjectId, string WindowId, string Name, string ProjectLead, string PartnerId, string Status,
    decimal Allocation, decimal Reserved, decimal Disbursed, decimal Remaining, string Currency, int Version);

public sealed record FundResponse(string FundId, string Name, string BaseCurrency, decimal FeeRate, string FinancingModel,
    decimal TwoApproverThreshold, bool InterestToCore, int Version, IReadOnlyList<WindowResponse> Windows, IReadOnlyList<ProjectResponse> Projects);

/// <summary>The fund manager defines funds (each gets its core window) and changes their settings.</summary>
public static class Funds
{
    /// <summary>The highest administrative fee a fund may keep: 20%.</summary>
    public const decimal MaxFeeRate = 0.2m;

    public static async Task<IResult> DefineAsync(DefineFundRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, StructureEvents events, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireId("fundId", request.FundId);
        errors.RequireText("name", request.Name);
        var currency = errors.RequireCurrency("baseCurrency", request.BaseCurrency);
        ValidateFeeRate(errors, request.FeeRate, required: true);
        errors.AddIf(!FinancingModels.IsKnown(request.FinancingModel), "financingModel", "one-of",
            "financingModel must be one of: voluntary, assessed, hybrid.");
        errors.RequireAmount("twoApproverThreshold", request.TwoApproverThreshold, currency, allowZero: true);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            var now = clock.GetUtcNow();
            var inserted = await tx.Connection!.ExecuteAsync(database.Sql["funds.insert"], new
            {
                request.FundId, request.Name, request.BaseCurrency, FeeRate = request.FeeRate!.Value, request.FinancingModel,
                TwoApproverThreshold = request.TwoApproverThreshold!.Value, InterestToCore = request.InterestToCore ?? false, Now = now, Actor = actor,
            }, tx);
            if (inserted == 0)
            {
                return Problems.Conflict("Fund already defined", $"A fund with id '{request.FundId}' already exists.", "fundId", "unique");
            }
            await tx.Connection!.ExecuteAsync(database.Sql["windows.insert"],
                new { request.FundId, WindowId = WindowRow.Core, Name = "Core", Now = now, Actor = actor }, tx);

            await events.FundAsync(tx, request.FundId!, "defined");
            await FundManagerAssignments.AssignFirstAsync(tx, database, events, request.FundId!, actor, now);
            await events.WindowAsync(tx, request.FundId!, WindowRow.Core, "opened");
            await audit.RecordAsync(tx, actor, "fund.defined", "fund", request.FundId!, request);
            return TypedResults.Created($"/funds/{request.FundId}", await LoadAsync(tx.Connection!, database, request.FundId!, tx));
        });
    }

    public static async Task<IResult> ChangeSettingsAsync(string fundId, ChangeFundSettingsRequest request, HttpContext http,
        IdempotentExecutor idempotency, Database database, StructureEvents events, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        if (request.Name is not null)
        {
            errors.RequireText("name", request.Name);
        }
        ValidateFeeRate(errors, request.FeeRate, required: false);
        errors.AddIf(request.TwoApproverThreshold < 0, "twoApproverThreshold", "not-negative", "twoApproverThreshold cannot be negative.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var fund = await tx.Connection!.QuerySingleOrDefaultAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }, tx);
            if (fund is null)
            {
                return StructureProblems.UnknownFund(fundId);
            }
            if (request.TwoApproverThreshold is { } threshold && threshold != fund.TwoApproverThreshold)
            {
                return Problems.Unprocessable("Approval rule needs two managers",
                    $"The two-approver threshold changes only when one manager of fund '{fundId}' proposes it (POST /funds/{fundId}/approval-rule-changes) and another confirms.",
                    "twoApproverThreshold", "two-person-change");
            }

            var actor = http.User.SubjectOf()!;
            var changed = await tx.Connection!.ExecuteAsync(database.Sql["funds.update_settings"], new
            {
                FundId = fundId, Name = request.Name ?? fund.Name, FeeRate = request.FeeRate ?? fund.FeeRate,
                fund.TwoApproverThreshold,
                InterestToCore = request.InterestToCore ?? fund.InterestToCore, request.ExpectedVersion, Now = clock.GetUtcNow(), Actor = actor,
            }, tx);
            if (changed == 0)
            {
                return Problems.Conflict("Fund changed meanwhile",
                    $"Fund '{fundId}' is at version {fund.Version}, not {request.ExpectedVersion}; read it again and retry.", "expectedVersion", "current-version");
            }
            await events.FundAsync(tx, fundId, "settings-changed");
            await audit.RecordAsync(tx, actor, "fund.settings-changed", "fund", fundId, new { before = fund, request });
            return TypedResults.Ok(await LoadAsync(tx.Connection!, database, fundId, tx));
        });
    }

    public static async Task<IResult> GetAsync(string fundId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var fund = await LoadAsync(connection, database, fundId);
        return fund is null ? StructureProblems.UnknownFund(fundId) : TypedResults.Ok(fund);
    }

    /// <summary>The funds by id, a page at a time: the <c>limit</c> after the fund <c>after</c>.</summary>
    public static Task<IResult> ListAsync(int? limit, string? after, Database database, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(limit, async size =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return (IReadOnlyList<FundRow>)[.. await connection.QueryAsync<FundRow>(database.Sql["funds.all"], new { AfterId = after, Limit = size })];
        }, f => f.FundId, f => new
        {
            f.FundId, f.Name, f.BaseCurrency, f.FeeRate, f.FinancingModel,
            TwoApproverThreshold = Money.Normalise(f.TwoApproverThreshold, f.BaseCurrency), f.InterestToCore, f.Version,
        }, errors => errors.RequireAfterId(after));

    internal static async Task<FundResponse?> LoadAsync(System.Data.Common.DbConnection connection, Database database, string fundId,
        System.Data.Common.DbTransaction? tx = null)
    {
        var fund = await connection.QuerySingleOrDefaultAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }, tx);
        if (fund is null)
        {
            return null;
        }
        var windows = await connection.QueryAsync<WindowRow>(database.Sql["windows.by_fund"], new { FundId = fundId }, tx);
        var projects = await connection.QueryAsync<ProjectRow>(database.Sql["projects.find"], new { FundId = fundId, ProjectId = (string?)null }, tx);
        return new FundResponse(fund.FundId, fund.Name, fund.BaseCurrency, fund.FeeRate, fund.FinancingModel,
            Money.Normalise(fund.TwoApproverThreshold, fund.BaseCurrency), fund.InterestToCore, fund.Version,
            [.. windows.Select(w => new WindowResponse(w.WindowId, w.Name, w.Status, w.Version))],
            [.. projects.Select(ToResponse)]);
    }

    internal static ProjectResponse ToResponse(ProjectRow p) => new(p.ProjectId, p.WindowId, p.Name, p.ProjectLead, p.PartnerId, p.Status,
        Money.Normalise(p.Allocation, p.Currency), Money.Normalise(p.Reserved, p.Currency), Money.Normalise(p.Disbursed, p.Currency),
        Money.Normalise(p.Remaining, p.Currency), p.Currency, p.Version);

    private static void ValidateFeeRate(ValidationErrors errors, decimal? rate, bool required)
    {
        if (rate is null)
        {
            errors.AddIf(required, "feeRate", "required", "feeRate is required (a fraction, e.g. 0.01 for 1%).");
            return;
        }
        errors.AddIf(rate < 0 || rate > MaxFeeRate, "feeRate", "range", $"feeRate must be between 0 and {MaxFeeRate} (20%).");
        errors.AddIf(decimal.Round(rate.Value, 6) != rate.Value, "feeRate", "scale", "feeRate has at most 6 decimals.");
    }
}
