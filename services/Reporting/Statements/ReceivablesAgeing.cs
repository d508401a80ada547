using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Statements;

public sealed record PledgeReceivable(Guid PledgeId, string DonorId, string Currency, string BaseCurrency, decimal Outstanding, decimal BaseValue);

public sealed record ScheduledInstalment(Guid PledgeId, int No, DateOnly DueDate, decimal Amount);

/// <summary>What is outstanding by days past due at the date: the same buckets as Pledges' own receivables.</summary>
public sealed record Ageing(decimal NotYetDue, decimal Days1To30, decimal Days31To90, decimal Days91To365, decimal Over365)
{
    public decimal Total => NotYetDue + Days1To30 + Days31To90 + Days91To365 + Over365;
}

public sealed record AgeingLine(string DonorId, string Currency, Ageing Ageing, decimal Outstanding, decimal OutstandingInBaseCurrency);

/// <summary>Pledges receivable of a fund at a date, aged, per donor and currency, with totals per currency.</summary>
public sealed record ReceivablesAgeingResponse(string FundId, DateOnly AsOf, IReadOnlyList<AgeingLine> ByDonor, IReadOnlyList<AgeingLine> Totals);

public static class ReceivablesAgeing
{
    /// <summary>
    /// Places a pledge's outstanding amount (the ledger's receivable) on its instalments: payments and write-offs settle
    /// the oldest first, so what is outstanding sits in the latest ones. Anything beyond the schedule counts as due on
    /// the last instalment's date.
    /// </summary>
    public static IReadOnlyList<(DateOnly DueDate, decimal Amount)> Allocate(decimal outstanding, IReadOnlyList<ScheduledInstalment> schedule, DateOnly fallback)
    {
        var placed = new List<(DateOnly, decimal)>();
        var left = outstanding;
        foreach (var instalment in schedule.OrderByDescending(i => i.DueDate).ThenByDescending(i => i.No))
        {
            if (left <= 0)
            {
                break;
            }
            var part = Math.Min(left, instalment.Amount);
            placed.Add((instalment.DueDate, part));
            left -= part;
        }
        if (left != 0)
        {
            placed.Add((schedule.Count == 0 ? fallback : schedule.Max(i => i.DueDate), left));
        }
        return placed;
    }

    public static Ageing Age(IEnumerable<(DateOnly DueDate, decimal Amount)> parts, DateOnly asOf)
    {
        var sums = new decimal[5];
        foreach (var (due, amount) in parts)
        {
            var days = asOf.DayNumber - due.DayNumber;
            sums[days <= 0 ? 0 : days <= 30 ? 1 : days <= 90 ? 2 : days <= 365 ? 3 : 4] += amount;
        }
        return new Ageing(sums[0], sums[1], sums[2], sums[3], sums[4]);
    }

    public static ReceivablesAgeingResponse Build(string fundId, DateOnly asOf, IReadOnlyList<PledgeReceivable> receivables, IReadOnlyList<ScheduledInstalment> instalments)
    {
        var schedules = instalments.GroupBy(i => i.PledgeId).ToDictionary(g => g.Key, g => (IReadOnlyList<ScheduledInstalment>)[.. g]);
        var aged = receivables.Select(r => (r.DonorId, Currency: r.Currency.Trim(), r.Outstanding, BaseValue: Money.Normalise(r.BaseValue, r.BaseCurrency),
            Parts: Allocate(r.Outstanding, schedules.GetValueOrDefault(r.PledgeId) ?? [], asOf))).ToList();
        AgeingLine Line(string donor, string currency, IEnumerable<(string DonorId, string Currency, decimal Outstanding, decimal BaseValue,
            IReadOnlyList<(DateOnly DueDate, decimal Amount)> Parts)> of)
        {
            var list = of.ToList();
            decimal N(decimal v) => Money.Normalise(v, currency);
            var ageing = Age(list.SelectMany(a => a.Parts), asOf);
            return new AgeingLine(donor, currency, new Ageing(N(ageing.NotYetDue), N(ageing.Days1To30), N(ageing.Days31To90), N(ageing.Days91To365), N(ageing.Over365)),
                N(list.Sum(a => a.Outstanding)), list.Sum(a => a.BaseValue));
        }
        var byDonor = aged.GroupBy(a => (a.DonorId, a.Currency)).Select(g => Line(g.Key.DonorId, g.Key.Currency, g))
            .OrderBy(l => l.DonorId, StringComparer.Ordinal).ThenBy(l => l.Currency, StringComparer.Ordinal).ToList();
        var totals = aged.GroupBy(a => a.Currency).Select(g => Line("(total)", g.Key, g)).OrderBy(l => l.Currency, StringComparer.Ordinal).ToList();
        return new ReceivablesAgeingResponse(fundId, asOf, byDonor, totals);
    }

    public static async Task<IResult> GetAsync(string fundId, DateOnly? asOf, Database database, CancellationToken cancellationToken)
    {
        var errors = StatementPeriod.CheckAsOf(fundId, asOf);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await LoadAsync(new StatementQuery(database, connection, null, fundId, asOf!.Value, asOf!.Value)));
    }

    /// <summary>The ageing at <see cref="StatementQuery.To"/>.</summary>
    public static async Task<ReceivablesAgeingResponse> LoadAsync(StatementQuery query)
    {
        var receivables = (await query.Connection.QueryAsync<PledgeReceivable>(query.Database.Sql["statements.receivables"],
            new { query.FundId, AsOf = query.To }, query.Transaction)).ToList();
        var instalments = (await query.Connection.QueryAsync<ScheduledInstalment>(query.Database.Sql["statements.instalments"],
            new { PledgeIds = query.Database.List(receivables.Select(r => r.PledgeId)) }, query.Transaction)).ToList();
        return Build(query.FundId, query.To, receivables, instalments);
    }
}
