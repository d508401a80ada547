using System.Text.RegularExpressions;
using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Donors;

public sealed record RegisterDonorRequest(string? DonorId, string? Name, string? Type, string? CountryCode);

public sealed record DonorRow(string DonorId, string Name, string DonorType, string? CountryCode, DateTimeOffset CreatedAt);

/// <summary>
/// Donors: governments, multilaterals, foundations, companies, individuals and members (of an assessed fund).
/// A user with the donor role acts for exactly one donor, named by its token's donor_id claim.
/// </summary>
public static partial class Donors
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
        { "government", "multilateral", "foundation", "company", "individual", "member" };

    /// <summary>Donors of these types are states: they need a country code.</summary>
    private static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.Ordinal) { "government", "member" };

    [GeneratedRegex(@"\A[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();

    public static IEndpointRouteBuilder MapDonorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/donors").WithTags("Donors");
        group.MapPost("/", RegisterAsync).RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("RegisterDonor").WithSummary("Register a donor (finance)");
        group.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager))
            .WithName("ListDonors").WithSummary("All donors, by id, a page at a time");
        group.MapGet("/{donorId}", GetAsync).RequireAuthorization()
            .WithName("GetDonor").WithSummary("One donor (a donor sees only itself)");
        return app;
    }

    /// <summary>
    /// Whether the caller may act for <paramref name="donorId"/>: staff roles may; a donor only for itself. A refusal is a
    /// 404, as for a donor that does not exist, so that ids of other donors do not leak.
    /// </summary>
    public static bool MayActFor(HttpContext http, string donorId) =>
        http.User.IsInRole(Roles.Finance) || http.User.IsInRole(Roles.Auditor) || http.User.IsInRole(Roles.FundManager)
        || (http.User.IsInRole(Roles.Donor) && http.User.DonorIdOf() == donorId);

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownDonor(string donorId, string field = "donorId") =>
        Problems.NotFound("Unknown donor", $"No donor '{donorId}' is registered for you.", field);

    private static async Task<IResult> RegisterAsync(RegisterDonorRequest request, HttpContext http, IdempotentExecutor idempotency, Database database,
        AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireId("donorId", request.DonorId);
        errors.RequireText("name", request.Name);
        if (!errors.AddIf(request.Type is null || !Types.Contains(request.Type), "type", "one-of",
                $"type must be one of: {string.Join(", ", Types.Order(StringComparer.Ordinal))}."))
        {
            errors.AddIf(States.Contains(request.Type!) && request.CountryCode is null, "countryCode", "required",
                "A government or member donor needs its ISO 3166 country code.");
        }
        errors.AddIf(request.CountryCode is not null && !CountryCode().IsMatch(request.CountryCode), "countryCode", "iso-3166",
            "countryCode is two upper-case letters (ISO 3166-1 alpha-2), e.g. NO.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            var now = clock.GetUtcNow();
            if (await tx.Connection!.ExecuteAsync(database.Sql["donors.insert"], new
            {
                request.DonorId, request.Name, DonorType = request.Type, request.CountryCode, Now = now, Actor = actor,
            }, tx) == 0)
            {
                return Problems.Conflict("Donor already registered", $"A donor with id '{request.DonorId}' exists.", "donorId", "unique");
            }
            await audit.RecordAsync(tx, actor, "donor.registered", "donor", request.DonorId!, request);
            return TypedResults.Created($"/donors/{request.DonorId}", new DonorRow(request.DonorId!, request.Name!, request.Type!, request.CountryCode, now));
        });
    }

    /// <summary>The donors by id, a page at a time: the <c>limit</c> after the donor <c>after</c>.</summary>
    private static Task<IResult> ListAsync(int? limit, string? after, Database database, CancellationToken cancellationToken) =>
        Paging.AnswerAsync<DonorRow>(limit, async size =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return [.. await connection.QueryAsync<DonorRow>(database.Sql["donors.page"], new { AfterId = after, Limit = size })];
        }, d => d.DonorId, errors => errors.RequireAfterId(after));

    private static async Task<IResult> GetAsync(string donorId, HttpContext http, Database database)
    {
        if (!MayActFor(http, donorId))
        {
            return UnknownDonor(donorId);
        }
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var donor = await connection.QuerySingleOrDefaultAsync<DonorRow>(database.Sql["donors.find"], new { DonorId = donorId });
        return donor is null ? UnknownDonor(donorId) : TypedResults.Ok(donor);
    }
}
