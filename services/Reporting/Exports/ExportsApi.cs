using System.Diagnostics;
using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Exports.Formats;

namespace TrustFund.Reporting.Exports;

public sealed record ExportRequest(string? Statement, string? Format, string? From, string? To);

/// <summary>
/// Exports a fund's statement over a period as CSV, XLSX or PDF. The file and its manifest are stored, so the same
/// bytes can be fetched again and checked against the SHA-256 and the ledger chain hash the manifest records.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Exports")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager));
        group.MapPost("/funds/{fundId}/exports", CreateAsync).RequireIdempotencyKey()
            .WithName("CreateExport").WithSummary("Export a fund's statement over a period (trial-balance, sources-and-uses) as csv, xlsx or pdf, with its manifest");
        group.MapGet("/exports/{exportId:guid}", GetManifestAsync)
            .WithName("GetExportManifest").WithSummary("The manifest of an export: file, SHA-256, the ledger range and chain hash it was built from");
        group.MapGet("/exports/{exportId:guid}/file", GetFileAsync)
            .WithName("GetExportFile").WithSummary("The exported file, byte for byte as the manifest describes it");
        return app;
    }

    private static async Task<IResult> CreateAsync(string fundId, ExportRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireId("fundId", fundId);
        var statement = errors.RequireOneOf("statement", request.Statement, StatementExports.All);
        var renderer = errors.RequireOneOf("format", request.Format, ExportFormats.All);
        var period = errors.RequirePeriod(request.From, request.To);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var (from, to) = period!.Value;

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var snapshot = await LedgerSnapshot.ReadAsync(database, statement!, fundId, from, to, http.RequestAborted);
            if (snapshot is null)
            {
                return Problems.NotFound("No ledger entries for this fund", $"The ledger has no entries for fund '{fundId}'.", "fundId");
            }
            var actor = http.User.SubjectOf()!;
            var stamp = new ExportStamp(ExportStamp.Truncate(clock.GetUtcNow()), actor, snapshot.Range.ChainPosition, snapshot.Range.ChainHash);
            var content = renderer!.Render(snapshot.Document, stamp);
            var manifest = ExportManifest.Of(Guid.CreateVersion7(), statement!.Name, renderer, fundId, from, to, content, snapshot.Range, stamp);

            await tx.Connection!.ExecuteAsync(database.Sql["exports.insert"], new
            {
                manifest.ExportId, manifest.Statement, manifest.Format, manifest.FundId, manifest.From, manifest.To, manifest.FileName,
                manifest.MediaType, manifest.ByteLength, manifest.Sha256, manifest.Ledger.FirstEntryId, manifest.Ledger.LastEntryId,
                manifest.Ledger.Entries, manifest.Ledger.ChainPosition, manifest.Ledger.ChainHash, manifest.GeneratedAt, manifest.GeneratedBy,
                TraceId = Activity.Current?.TraceId.ToString(), Content = content,
            }, tx);
            await audit.RecordAsync(tx, actor, "export.created", "export", manifest.ExportId.ToString(), new
            {
                manifest.Statement, manifest.Format, manifest.FundId, manifest.From, manifest.To, manifest.Sha256, manifest.Ledger,
            });
            return TypedResults.Created($"/exports/{manifest.ExportId}", manifest);
        });
    }

    private static async Task<IResult> GetManifestAsync(Guid exportId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<StoredManifest>(database.Sql["exports.manifest"], new { ExportId = exportId });
        return stored is null ? NotFound(exportId) : TypedResults.Ok(stored.ToManifest());
    }

    private static async Task<IResult> GetFileAsync(Guid exportId, Database database, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var file = await connection.QuerySingleOrDefaultAsync<StoredFile>(database.Sql["exports.file"], new { ExportId = exportId });
        if (file is null)
        {
            return NotFound(exportId);
        }
        // RFC 9530: the digest of the bytes sent, the same SHA-256 as the manifest's.
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        return TypedResults.File(file.Content, file.MediaType, file.FileName);
    }

    private static IResult NotFound(Guid exportId) => Problems.NotFound("No such export", $"There is no export {exportId}.", "exportId");
}
