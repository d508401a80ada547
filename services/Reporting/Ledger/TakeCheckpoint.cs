using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// Checkpoints the chain's head: on demand (finance) and every <c>Ledger:CheckpointInterval</c> by the service itself
/// when the head has moved since the last checkpoint. Checkpoints are listed for finance and auditors, and
/// <c>/ledger/verify</c> holds the chain against each of them.
/// </summary>
public static class TakeCheckpoint
{
    public static IHostApplicationBuilder AddLedgerCheckpoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CheckpointOptions>().BindConfiguration(CheckpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new CheckpointSigner(sp.GetRequiredService<IOptions<CheckpointOptions>>().Value.CheckpointKeyBytes()));
        builder.Services.AddHostedService<CheckpointService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLedgerCheckpointsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ledger/checkpoints").WithTags("Ledger");
        group.MapPost("/", TakeAsync).RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("TakeLedgerCheckpoint").WithSummary("Sign and record the chain's head (position, entry, hash) now (finance)");
        group.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("ListLedgerCheckpoints").WithSummary("Signed checkpoints of the chain's head, newest first, a page at a time (finance, auditor)");
        return app;
    }

    private static async Task<IResult> TakeAsync(HttpContext http, IdempotentExecutor idempotency, Database database, CheckpointSigner signer,
        AuditTrail audit, TimeProvider clock) =>
        await idempotency.ExecuteAsync(http, (object?)null, async tx =>
        {
            var taken = await RecordAsync(tx, database, signer, audit, clock, http.User.SubjectOf()!, onlyIfMoved: false);
            return taken is null
                ? Problems.Conflict("Nothing to checkpoint", "The ledger chain holds no entry yet.", "position", "not-empty")
                : TypedResults.Created((string?)null, taken);
        });

    private static async Task<IResult> ListAsync(int? limit, long? after, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var size = errors.RequireLimit(limit);
        errors.AddIf(after < 1, "after", "range", "after is a checkpoint id (1 or more).");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<LedgerCheckpoint>(database.Sql["checkpoints.page"], new { After = after, Limit = size + 1 })).ToList();
        return TypedResults.Ok(Paging.Of(rows, size, c => c.CheckpointId.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Signs and records the chain's head as this transaction sees it, with its audit row; null when the chain is empty,
    /// or, with <paramref name="onlyIfMoved"/>, when a checkpoint at that position or beyond exists already.
    /// </summary>
    public static async Task<LedgerCheckpoint?> RecordAsync(DbTransaction tx, Database database, CheckpointSigner signer, AuditTrail audit,
        TimeProvider clock, string actor, bool onlyIfMoved)
    {
        var connection = tx.Connection!;
        // Under the chain's lock, so two replicas checkpointing together take turns and the second sees the first.
        await connection.ExecuteAsync(database.Sql["chain.lock"], transaction: tx);
        var head = await connection.QuerySingleOrDefaultAsync<ChainLink>(database.Sql["chain.head"], transaction: tx);
        if (head is null
            || (onlyIfMoved && await connection.ExecuteScalarAsync<long>(database.Sql["checkpoints.latest_position"], transaction: tx) >= head.Position))
        {
            return null;
        }
        var signed = signer.Sign(head.Position, head.EntryId, head.EntryHash, clock.GetUtcNow(), actor);
        var id = await connection.ExecuteScalarAsync<long>(database.Sql["checkpoints.insert"], new
        {
            signed.Position, signed.EntryId, signed.HeadHash, signed.TakenAt, signed.TakenBy, signed.KeyId, signed.Signature,
            TraceId = Activity.Current?.TraceId.ToString(),
        }, tx);
        await audit.RecordAsync(tx, actor, "ledger.checkpointed", "ledger-checkpoint", id.ToString(CultureInfo.InvariantCulture),
            new { signed.Position, signed.EntryId, signed.HeadHash, signed.KeyId });
        return signed with { CheckpointId = id };
    }
}
