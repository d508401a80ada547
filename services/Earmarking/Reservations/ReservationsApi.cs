using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Earmarking.Structure;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Reservations;

public sealed record ReservationResponse(Guid RequestId, string FundId, string ProjectId, string? WindowId, decimal Amount, string Currency,
    string Status, string? RejectReason, decimal? Available, string? Detail, string RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? ResolutionReason, decimal Refunded,
    IReadOnlyList<Contracts.Messages.PoolLine> Lines);

public static class ReservationsApi
{
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reservations/{requestId:guid}", GetAsync).WithTags("Reservations")
            .RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor, Roles.ProjectLead))
            .WithName("GetReservation")
            .WithSummary("A reservation with its pool lines (a project lead sees only its partner's projects', a fund manager only its funds')");
        return app;
    }

    private static async Task<IResult> GetAsync(Guid requestId, HttpContext http, Database database, ReservationBook book, FundManagers managers)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var row = await connection.QuerySingleOrDefaultAsync<ReservationRow>(database.Sql["reservations.get"], new { RequestId = requestId });
        if (row is not null && http.User.IsInRole(Roles.ProjectLead) && !http.User.IsInRole(Roles.FundManager)
            && !http.User.IsInRole(Roles.Finance) && !http.User.IsInRole(Roles.Auditor))
        {
            var project = await connection.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { row.FundId, row.ProjectId });
            // A lead acts for its partner (colleagues included); another partner's reservation is not shown to exist.
            var ours = http.User.PartnerIdOf() is { } partner ? project?.PartnerId == partner : project?.ProjectLead == http.User.SubjectOf();
            row = ours ? row : null;
        }
        if (row is null)
        {
            return Problems.NotFound("Unknown reservation", $"No reservation {requestId} exists.", "requestId");
        }
        if (http.User.IsInRole(Roles.FundManager) && await managers.RequireReaderAsync(connection, http.User, row.FundId) is { } notManager)
        {
            return notManager;
        }
        var lines = await book.LinesAsync(connection, requestId);
        return TypedResults.Ok(ToResponse(row, lines));
    }

    internal static ReservationResponse ToResponse(ReservationRow r, IReadOnlyList<ReservationLineRow> lines)
    {
        decimal Show(decimal amount) => Amounts.Shown(amount, r.Currency);
        return new ReservationResponse(r.RequestId, r.FundId, r.ProjectId, r.WindowId, Show(r.Amount),
            r.Currency, r.Status, r.RejectReason, r.Available is { } a ? Show(a) : null, r.Detail, r.RequestedBy, r.RequestedAt, r.ExpiresAt,
            r.ResolvedAt, r.ResolvedBy, r.ResolutionReason, Show(r.Refunded), [.. lines.Select(l => l.ToPoolLine(r.Currency))]);
    }
}
