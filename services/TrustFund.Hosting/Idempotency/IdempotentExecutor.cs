using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.Hosting.Telemetry;

namespace TrustFund.Hosting.Idempotency;

/// <summary>
/// Runs a money-moving command at most once per (caller, Idempotency-Key). The key row, the command's writes
/// and the stored answer commit in one transaction, so a crash leaves either everything or nothing, and a
/// retry gets the first answer back (marked <c>Idempotent-Replayed: true</c>). A concurrent retry waits for
/// the first to finish. Rejections of the request itself (400) are not kept and may be retried; answers
/// that depend on state (404, 409, 422) are kept so a retry cannot later turn into a different outcome, and
/// anything the command wrote before refusing is rolled back (to a savepoint), so a refusal never writes.
/// </summary>
public sealed class IdempotentExecutor(Database database, OutboxSignal outbox, IOptions<JsonOptions> json, IOptions<IdempotencyOptions> options)
{
    // Absent fields are left out of the hash, so adding an optional field to a request does not turn the retry of a
    // request sent before the change into a "different request".
    private readonly Lazy<JsonSerializerOptions> hashOptions = new(() => new JsonSerializerOptions(json.Value.SerializerOptions)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });

    public async Task<IResult> ExecuteAsync<TRequest>(
        HttpContext http, TRequest request, Func<DbTransaction, Task<IResult>> command)
    {
        var key = http.Items[IdempotencyFilter.ItemKey] as string
            ?? throw new InvalidOperationException("The endpoint must call RequireIdempotencyKey().");
        var caller = http.User.SubjectOf()
            ?? throw new InvalidOperationException("Idempotent endpoints require an authenticated caller.");
        var requestHash = Hash(http.Request.Method, http.Request.Path, JsonSerializer.Serialize(request, hashOptions.Value));
        var cancellation = http.RequestAborted;
        return await TransientRetry.RunAsync(() => AttemptAsync(caller, key, requestHash, command, cancellation), cancellation);
    }

    /// <summary>
    /// One attempt in its own transaction. A transient failure (a deadlock victim, a dropped connection) rolls it back
    /// whole and the key with it, so the next attempt starts afresh, or replays the answer if the commit did happen.
    /// </summary>
    private async Task<IResult> AttemptAsync(string caller, string key, string requestHash, Func<DbTransaction, Task<IResult>> command,
        CancellationToken cancellation)
    {
        await using var connection = await database.OpenAsync(cancellation);
        await using var tx = await connection.BeginTransactionAsync(cancellation);
        var now = DateTimeOffset.UtcNow;
        var claimed = await connection.ExecuteAsync(database.Sql["idempotency.claim"], new
        {
            Caller = caller, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + options.Value.Retention,
        }, tx);
        if (claimed == 0)
        {
            var stored = await connection.QuerySingleAsync<StoredAnswer>(database.Sql["idempotency.find"], new { Caller = caller, Key = key }, tx);
            if (stored.RequestHash != requestHash)
            {
                return Problems.Unprocessable("Idempotency-Key reused for a different request",
                    "This Idempotency-Key was first used with a different request; use a new key for a new request.", IdempotencyKey.Header, "same-request");
            }
            TrustFundMetrics.IdempotentReplays.Add(1);
            return new ReplayedResult(stored.StatusCode ?? StatusCodes.Status200OK, stored.ContentType, stored.Location, stored.Body);
        }

        await tx.SaveAsync(CommandSavepoint, cancellation);
        var result = await command(tx);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status is StatusCodes.Status400BadRequest or >= 500)
        {
            return result; // nothing is kept: the transaction rolls back with the key.
        }
        if (status >= 400)
        {
            // A refusal is remembered for the key, but whatever the command wrote before refusing is undone.
            await tx.RollbackAsync(CommandSavepoint, cancellation);
        }

        // The answer is formed before the commit: one that cannot be sent (a header with a control character, a body
        // that does not serialise) would otherwise report a failure for a change that happened, on every replay too.
        if (FormAnswer(result, status) is not { } answer)
        {
            await tx.RollbackAsync(cancellation);
            return Problems.Of(StatusCodes.Status500InternalServerError, "Answer could not be formed",
                "The change was not made because its answer could not be sent; nothing is kept for this Idempotency-Key.", "body", "answer");
        }
        await connection.ExecuteAsync(database.Sql["idempotency.complete"], new
        {
            Caller = caller, Key = key, answer.StatusCode, answer.ContentType, answer.Location, answer.Body,
        }, tx);
        await tx.CommitAsync(cancellation);
        outbox.Wake();
        return result;
    }

    private const string CommandSavepoint = "idempotent_command";

    private Answer? FormAnswer(IResult result, int status)
    {
        var value = (result as IValueHttpResult)?.Value;
        var location = result.GetType().GetProperty("Location")?.GetValue(result) as string;
        if (location is not null && !IsSendableHeaderValue(location))
        {
            return null;
        }
        try
        {
            return new Answer(status, (result as IContentTypeHttpResult)?.ContentType ?? (value is null ? null : "application/json"), location,
                value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Printable ASCII only: what a response header can carry without the server refusing to send it.</summary>
    internal static bool IsSendableHeaderValue(string value) => value.Length > 0 && value.All(c => c is >= ' ' and <= '~');

    internal static string Hash(string method, string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method} {path}\n{body}")));

    private sealed record Answer(int StatusCode, string? ContentType, string? Location, string? Body);

    private sealed record StoredAnswer(string RequestHash, int? StatusCode, string? ContentType, string? Location, string? Body);

    private sealed class ReplayedResult(int status, string? contentType, string? location, string? body) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers[IdempotencyKey.ReplayedHeader] = "true";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }
            if (body is not null)
            {
                httpContext.Response.ContentType = contentType ?? "application/json";
                await httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}
