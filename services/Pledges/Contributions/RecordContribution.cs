using System.Diagnostics;
using Dapper;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Contributions;

public sealed record EarmarkRequest(string? Kind, string? WindowId, string? ProjectId);

public sealed record RecordContributionRequest(
    Guid? ContributionId, string? DonorId, string? FundId, decimal? Amount, string? Currency, EarmarkRequest? Earmark, DateOnly? ValueDate);

public sealed record ContributionResponse(
    Guid ContributionId, string DonorId, string FundId, Earmark Earmark, decimal Amount, string Currency,
    DateOnly ValueDate, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>Finance records cash received; the contribution and its <see cref="ContributionReceived"/> event commit together.</summary>
public static class RecordContribution
{
    public static async Task<IResult> HandleAsync(
        RecordContributionRequest request, HttpContext http, IdempotentExecutor idempotency, Database database, OutboxWriter outbox, TimeProvider clock)
    {
        var errors = ContributionValidation.Validate(request, clock.GetUtcNow());
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var recordedAt = clock.GetUtcNow();
            var received = new ContributionReceived
            {
                ContributionId = request.ContributionId ?? Guid.NewGuid(),
                DonorId = request.DonorId!,
                FundId = request.FundId!,
                Earmark = new Earmark { Kind = request.Earmark!.Kind!, WindowId = request.Earmark.WindowId, ProjectId = request.Earmark.ProjectId },
                Amount = ContributionValidation.Normalise(request.Amount!.Value, request.Currency!),
                Currency = request.Currency!,
                ValueDate = request.ValueDate!.Value,
                RecordedAt = recordedAt,
                RecordedBy = http.User.SubjectOf()!,
            };

            var inserted = await tx.Connection!.ExecuteAsync(database.Sql["contributions.insert"], new
            {
                received.ContributionId, received.DonorId, received.FundId, EarmarkKind = received.Earmark.Kind,
                received.Earmark.WindowId, received.Earmark.ProjectId, received.Amount, received.Currency,
                received.ValueDate, received.RecordedAt, received.RecordedBy, TraceId = Activity.Current?.TraceId.ToString(),
            }, tx);
            if (inserted == 0)
            {
                return Problems.Conflict("Contribution already recorded",
                    $"A contribution with id {received.ContributionId} already exists; it was recorded by another request.", "contributionId", "unique");
            }

            // The contribution id doubles as the message id: however the event is produced, consumers see one identity.
            await outbox.EnqueueAsync(tx, received, partitionKey: $"contribution:{received.ContributionId}", messageId: received.ContributionId);
            return TypedResults.Created($"/contributions/{received.ContributionId}", ToResponse(received));
        });
    }

    internal static ContributionResponse ToResponse(ContributionReceived c) =>
        new(c.ContributionId, c.DonorId, c.FundId, c.Earmark, c.Amount, c.Currency, c.ValueDate, c.RecordedAt, c.RecordedBy);
}
