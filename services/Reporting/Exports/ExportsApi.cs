using System.Diagnostics;
using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Exports.Documents;
using TrustFund.Reporting.Exports.Formats;
using TrustFund.Reporting.Exports.Iati;

namespace TrustFund.Reporting.Exports;

public sealed record ExportRequest(string? Statement, string? Format, string? From, string? To, string? DonorId = null);

/// <summary>
/// Exports a fund's statement over a period as CSV, XLSX or PDF, or its IATI activity XML. The file and its manifest
/// are stored, so the same bytes can be fetched again and checked against the SHA-256 and the ledger chain hash the
/// manifest records. Fund-level statements: finance, auditors, fund managers; a donor statement: finance and auditors.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Exports")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager));
        group.MapPost("/funds/{fundId}/exports", CreateAsync).RequireReaderOfFund().RequireIdempotencyKey()
            .WithName("CreateExport").WithSummary("Export a fund's statement over a period as csv, xlsx or pdf, or its IATI activity XML, with its manifest");
        group.MapGet("/exports/{exportId:guid}", GetManifestAsync)
            .WithName("GetExportManifest").WithSummary("The manifest of an export: file, SHA-256, the ledger range and chain hash it was built from");
        group.MapGet("/exports/{exportId:guid}/file", GetFileAsync)
            .WithName("GetExportFile").WithSummary("The exported file, byte for byte as the manifest describes it");
        return app;
    }

    private static async Task<IResult> CreateAsync(string fundId, ExportRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, AuditTrail audit, TimeProvider clock, IatiExport iati)
    {
        var errors = new ValidationErrors();
        errors.RequireId("fundId", fundId);
        var isIati = request.Statement == IatiExport.Statement;
        var statement = isIati ? null : errors.RequireOneOf("statement", request.Statement, StatementExports.All);
        var renderer = isIati ? null : errors.RequireOneOf("format", request.Format, ExportFormats.All);
        errors.AddIf(isIati && request.Format != IatiExport.Kind.Format, "format", "one-of", $"The IATI activity XML is format {IatiExport.Kind.Format}.");
        var forDonor = request.Statement == DonorStatementDocument.Statement;
        if (forDonor)
        {
            errors.RequireId("donorId", request.DonorId);
        }
        else
        {
            errors.AddIf(request.DonorId is not null, "donorId", "donor-statement-only", "donorId is given only for a donor-statement.");
        }
        var period = errors.RequirePeriod(request.From, request.To);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        if (forDonor && !MayReadDonorStatements(http.User))
        {
            return TypedResults.Forbid();
        }
        var (from, to) = period!.Value;

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            var now = ExportStamp.Truncate(clock.GetUtcNow());
            ExportFileKind kind;
            byte[] content;
            LedgerRange range;
            ExportStamp stamp;
            if (isIati)
            {
                var snapshot = await LedgerSnapshot.ReadAsync(database, IatiExport.LoadAsync, fundId, null, from, to, http.RequestAborted);
                if (snapshot is null || snapshot.Content.Lines.Count == 0)
                {
                    return Problems.NotFound("Nothing to export",
                        $"The ledger has no entry for a project of fund '{fundId}' posted between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}.", "fundId");
                }
                (kind, range, stamp) = (IatiExport.Kind, snapshot.Range, new ExportStamp(now, actor, snapshot.Range.ChainPosition, snapshot.Range.ChainHash));
                content = iati.Build(snapshot.Content);
                // A file that fails the standard's schema is a bug in the export: nothing is filed, and the error names why.
                if (IatiSchema.Validate(content, IatiSchema.Embedded) is { Count: > 0 } invalid)
                {
                    throw new InvalidOperationException($"The IATI export of fund {fundId} does not validate: {string.Join("; ", invalid)}");
                }
            }
            else
            {
                var snapshot = await LedgerSnapshot.ReadAsync(database, statement!.BuildAsync, fundId, request.DonorId, from, to, http.RequestAborted);
                if (snapshot is null)
                {
                    return Problems.NotFound("No ledger entries for this fund", $"The ledger has no entries for fund '{fundId}'.", "fundId");
                }
                (kind, range, stamp) = (renderer!.Kind, snapshot.Range, new ExportStamp(now, actor, snapshot.Range.ChainPosition, snapshot.Range.ChainHash));
                var document = snapshot.Content with
                {
                    Notes = [.. snapshot.Content.Notes, snapshot.Closed
                        ? "The period is closed: nothing more is posted into it, so these figures are final."
                        : "The period is not closed: entries may still be posted into it and change these figures."],
                };
                content = renderer.Render(document, stamp);
            }
            var manifest = ExportManifest.Of(Guid.CreateVersion7(), request.Statement!, kind, fundId, request.DonorId, from, to, content, range, stamp);

            await tx.Connection!.ExecuteAsync(database.Sql["exports.insert"], new
            {
                manifest.ExportId, manifest.Statement, manifest.Format, manifest.FundId, manifest.From, manifest.To, manifest.FileName,
                manifest.MediaType, manifest.ByteLength, manifest.Sha256, manifest.Ledger.FirstEntryId, manifest.Ledger.LastEntryId,
                manifest.Ledger.Entries, manifest.Ledger.ChainPosition, manifest.Ledger.ChainHash, manifest.GeneratedAt, manifest.GeneratedBy,
                TraceId = Activity.Current?.TraceId.ToString(), Content = content, manifest.DonorId,
            }, tx);
            await audit.RecordAsync(tx, actor, "export.created", "export", manifest.ExportId.ToString(), new
            {
                manifest.Statement, manifest.Format, manifest.FundId, manifest.DonorId, manifest.From, manifest.To, manifest.Sha256, manifest.Ledger,
            });
            return TypedResults.Created($"/exports/{manifest.ExportId}", manifest);
        });
    }

    /// <summary>A donor's statement is for finance and auditors (and, as JSON, the donor itself), not for fund managers.</summary>
    private static bool MayReadDonorStatements(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Auditor);

    private static async Task<IResult> GetManifestAsync(Guid exportId, HttpContext http, Database database, FundManagers managers,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<StoredManifest>(database.Sql["exports.manifest"], new { ExportId = exportId });
        return stored is null ? NotFound(exportId)
            : stored.DonorId is not null && !MayReadDonorStatements(http.User) ? TypedResults.Forbid()
            : await managers.RequireReaderAsync(connection, http.User, stored.FundId) is { } notManager ? notManager
            : TypedResults.Ok(stored.ToManifest());
    }

    private static async Task<IResult> GetFileAsync(Guid exportId, Database database, FundManagers managers, HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var file = await connection.QuerySingleOrDefaultAsync<StoredFile>(database.Sql["exports.file"], new { ExportId = exportId });
        if (file is null)
        {
            return NotFound(exportId);
        }
        if (file.DonorId is not null && !MayReadDonorStatements(response.HttpContext.User))
        {
            return TypedResults.Forbid();
        }
        if (await managers.RequireReaderAsync(connection, response.HttpContext.User, file.FundId) is { } notManager)
        {
            return notManager;
        }
        // RFC 9530: the digest of the bytes sent, the same SHA-256 as the manifest's.
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        return TypedResults.File(file.Content, file.MediaType, file.FileName);
    }

    private static IResult NotFound(Guid exportId) => Problems.NotFound("No such export", $"There is no export {exportId}.", "exportId");
}
