using TrustFund.Contracts.Messages;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Http;

namespace TrustFund.Pledges.Contributions;

public static class ContributionValidation
{
    private static readonly DateOnly EarliestValueDate = new(2000, 1, 1);

    public static ValidationErrors Validate(RecordContributionRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.ContributionId == Guid.Empty, "contributionId", "not-empty", "contributionId may be omitted but not the empty UUID.");
        errors.RequireId("donorId", request.DonorId);
        errors.RequireId("fundId", request.FundId);

        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("amount", request.Amount, currency);

        // A payment of a pledge takes the pledge's earmark; an unpledged gift names its own.
        if (request.PledgeId is null || request.Earmark is not null)
        {
            errors.RequireEarmark("earmark", request.Earmark is not null, request.Earmark?.Kind, request.Earmark?.WindowId, request.Earmark?.ProjectId);
        }
        errors.AddIf(request.PledgeId == Guid.Empty, "pledgeId", "not-empty", "pledgeId may be omitted but not the empty UUID.");
        errors.AddIf(request.PledgeId is null && request.RecordExcessAsUnpledged is not null, "recordExcessAsUnpledged", "absent",
            "recordExcessAsUnpledged applies only to the payment of a pledge.");
        if (request.BankReference is not null)
        {
            errors.RequireText("bankReference", request.BankReference, 100);
        }
        if (request.ExchangeRate is { } rate)
        {
            errors.AddIf(rate <= 0, "exchangeRate", "positive", "exchangeRate must be greater than zero.");
            errors.AddIf(rate > 0 && decimal.Round(rate, 10) != rate, "exchangeRate", "scale", "exchangeRate has at most 10 decimals.");
        }

        if (!errors.AddIf(request.ValueDate is null, "valueDate", "required", "valueDate (the date the cash arrived, yyyy-MM-dd) is required."))
        {
            var latest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1); // a day's grace for time zones east of UTC
            errors.AddIf(request.ValueDate > latest, "valueDate", "not-future", "valueDate cannot be in the future: record cash once it has arrived.");
            errors.AddIf(request.ValueDate < EarliestValueDate, "valueDate", "range", $"valueDate must be on or after {EarliestValueDate:yyyy-MM-dd}.");
        }
        return errors;
    }
}
