using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class AssessmentIssuedConsumer(Database database, OutboxSignal outbox, ILogger<AssessmentIssuedConsumer> logger)
    : CopyConsumer<AssessmentIssued>(database, outbox, logger, "assessments.insert", a => new
    {
        a.AssessmentId, a.FundId, a.Year, a.Sequence, a.Budget, a.Assessed, a.Currency, a.DueDate, a.IssuedAt,
    });
