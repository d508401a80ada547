using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Statements;

/// <summary>One member's assessed pledge of one assessment (1 = the year's, then supplementary ones) as the ledger has it.</summary>
public sealed record AssessedPledge(string MemberId, int Sequence, DateOnly DueDate, string Currency, decimal Assessed, decimal Paid, decimal Settled,
    decimal Outstanding);

public sealed record MemberStatus(string MemberId, string Currency, decimal Assessed, decimal Paid, decimal CancelledOrWrittenOff, decimal Outstanding,
    DateOnly? EarliestDueUnpaid, string Status);

public sealed record AssessedContributionsResponse(string FundId, int Year, DateOnly AsOf, IReadOnlyList<MemberStatus> Members, IReadOnlyList<MemberStatus> Totals);

/// <summary>The status of assessed contributions per member for a year: assessed, paid, settled otherwise, outstanding and arrears.</summary>
public static class AssessedContributions
{
    public static class Statuses
    {
        public const string Paid = "paid";
        public const string Settled = "settled";
        public const string PartlyPaid = "partly-paid";
        public const string Unpaid = "unpaid";
        public const string InArrears = "in-arrears";
    }

    /// <summary>paid (in full), settled (nothing left, not all paid), in arrears (something past due), partly paid, or unpaid.</summary>
    public static string StatusOf(decimal assessed, decimal paid, decimal outstanding, DateOnly? earliestDueUnpaid, DateOnly asOf) =>
        outstanding == 0 ? (paid == assessed ? Statuses.Paid : Statuses.Settled)
        : earliestDueUnpaid < asOf ? Statuses.InArrears
        : paid > 0 ? Statuses.PartlyPaid
        : Statuses.Unpaid;

    public static AssessedContributionsResponse Build(string fundId, int year, DateOnly asOf, IReadOnlyList<AssessedPledge> pledges)
    {
        MemberStatus Status(string member, string currency, IReadOnlyList<AssessedPledge> of)
        {
            decimal N(decimal v) => Money.Normalise(v, currency);
            var (assessed, paid, settled, outstanding) = (N(of.Sum(p => p.Assessed)), N(of.Sum(p => p.Paid)), N(of.Sum(p => p.Settled)), N(of.Sum(p => p.Outstanding)));
            var earliest = of.Where(p => p.Outstanding > 0).Select(p => (DateOnly?)p.DueDate).Min();
            return new MemberStatus(member, currency, assessed, paid, settled, outstanding, earliest, StatusOf(assessed, paid, outstanding, earliest, asOf));
        }
        var members = pledges.GroupBy(p => (p.MemberId, Currency: p.Currency.Trim())).Select(g => Status(g.Key.MemberId, g.Key.Currency, [.. g]))
            .OrderBy(m => m.MemberId, StringComparer.Ordinal).ToList();
        var totals = pledges.GroupBy(p => p.Currency.Trim()).Select(g => Status("(total)", g.Key, [.. g])).OrderBy(t => t.Currency, StringComparer.Ordinal).ToList();
        return new AssessedContributionsResponse(fundId, year, asOf, members, totals);
    }

    public static async Task<IResult> GetAsync(string fundId, int? year, DateOnly? asOf, Database database, CancellationToken cancellationToken)
    {
        var errors = StatementPeriod.CheckAsOf(fundId, asOf);
        if (!errors.AddIf(year is null, "year", "required", "year is required."))
        {
            errors.AddIf(year is < 2000 or > 2200, "year", "range", "year must be between 2000 and 2200.");
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await LoadAsync(new StatementQuery(database, connection, null, fundId, new DateOnly(year!.Value, 1, 1), asOf!.Value)));
    }

    /// <summary>The assessments of the year of <see cref="StatementQuery.From"/>, their status at <see cref="StatementQuery.To"/>.</summary>
    public static async Task<AssessedContributionsResponse> LoadAsync(StatementQuery query)
    {
        var pledges = (await query.Connection.QueryAsync<AssessedPledge>(query.Database.Sql["statements.assessed"],
            new { query.FundId, query.From.Year, AsOf = query.To }, query.Transaction)).ToList();
        return Build(query.FundId, query.From.Year, query.To, pledges);
    }
}
