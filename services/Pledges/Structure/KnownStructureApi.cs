using Dapper;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Structure;

/// <summary>What Pledges knows of a fund's structure: what pledges and contributions are judged against.</summary>
public static class KnownStructureApi
{
    private sealed record FundView(string FundId, string Name, string BaseCurrency, string FinancingModel, int Version, string Windows, string Projects);

    public static IEndpointRouteBuilder MapKnownStructureApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/funds/{fundId}", GetAsync).WithTags("Fund structure").RequireAuthorization()
            .WithName("GetKnownFund").WithSummary("The fund, windows and projects as Pledges knows them from Earmarking");
        return app;
    }

    private static async Task<IResult> GetAsync(string fundId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var fund = await connection.QuerySingleOrDefaultAsync<FundView>(database.Sql["structure.fund_view"], new { FundId = fundId });
        return fund is null
            ? TrustFund.Hosting.Http.Problems.NotFound("Unknown fund", $"Pledges does not know a fund '{fundId}' (yet).", "fundId")
            : TypedResults.Ok(new
            {
                fund.FundId, fund.Name, fund.BaseCurrency, fund.FinancingModel, fund.Version,
                Windows = System.Text.Json.JsonDocument.Parse(fund.Windows).RootElement,
                Projects = System.Text.Json.JsonDocument.Parse(fund.Projects).RootElement,
            });
    }
}
