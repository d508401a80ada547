using Dapper;
using TrustFund.Contracts.Messages;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Contributions;

public static class GetContribution
{
    public static async Task<IResult> HandleAsync(Guid contributionId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ContributionRow>(database.Sql["contributions.get"], new { ContributionId = contributionId });
        return row is null
            ? Problems.NotFound("Contribution not found", $"No contribution has id {contributionId}.", "contributionId")
            : TypedResults.Ok(new ContributionResponse(row.ContributionId, row.DonorId, row.FundId,
                new Earmark { Kind = row.EarmarkKind, WindowId = row.WindowId, ProjectId = row.ProjectId },
                Money.Normalise(row.Amount, row.Currency), row.Currency.Trim(), row.ValueDate, row.RecordedAt, row.RecordedBy, row.PledgeId,
                row.BankReference, row.ExchangeRate, row.BaseAmount is { } b && row.BaseCurrency is { } bc ? Money.Normalise(b, bc) : null,
                row.BaseCurrency, row.UnpledgedAmount is { } u ? Money.Normalise(u, row.Currency) : null));
    }

    private sealed record ContributionRow(Guid ContributionId, string DonorId, string FundId, string EarmarkKind, string? WindowId,
        string? ProjectId, decimal Amount, string Currency, DateOnly ValueDate, DateTimeOffset RecordedAt, string RecordedBy, Guid? PledgeId,
        string? BankReference, decimal? ExchangeRate, decimal? BaseAmount, string? BaseCurrency, decimal? UnpledgedAmount);
}
