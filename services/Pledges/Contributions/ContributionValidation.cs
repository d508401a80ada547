using System.Text.RegularExpressions;
using TrustFund.Contracts.Messages;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Http;

namespace TrustFund.Pledges.Contributions;

public static partial class ContributionValidation
{
    /// <summary>Ids of donors, funds, windows and projects: lower-case letters, digits, '-', '_' and '.', at most 64.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private static readonly DateOnly EarliestValueDate = new(2000, 1, 1);

    public static ValidationErrors Validate(RecordContributionRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.ContributionId == Guid.Empty, "contributionId", "not-empty", "contributionId may be omitted but not the empty UUID.");
        RequireId(errors, "donorId", request.DonorId);
        RequireId(errors, "fundId", request.FundId);

        Currency? currency = null;
        if (!errors.AddIf(string.IsNullOrEmpty(request.Currency), "currency", "required", "currency is required (an ISO 4217 code such as USD)."))
        {
            errors.AddIf(!Currency.TryFromCode(request.Currency, out currency), "currency", "iso-4217", $"'{request.Currency}' is not an active ISO 4217 currency code (upper case, e.g. USD).");
        }

        if (!errors.AddIf(request.Amount is null, "amount", "required", "amount is required."))
        {
            var amount = request.Amount!.Value;
            if (!errors.AddIf(amount <= 0, "amount", "positive", "amount must be greater than zero.") && currency is not null
                && !Money.TryOf(amount, currency, out _, out var rule))
            {
                errors.Add("amount", rule!, rule == MoneyRule.Scale
                    ? $"amount has more decimals than {currency.Code} allows ({currency.MinorUnits})."
                    : $"amount is beyond the supported range (at most {Money.MaxAmount} per movement).");
            }
        }

        ValidateEarmark(errors, request.Earmark);

        if (!errors.AddIf(request.ValueDate is null, "valueDate", "required", "valueDate (the date the cash arrived, yyyy-MM-dd) is required."))
        {
            var latest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1); // a day's grace for time zones east of UTC
            errors.AddIf(request.ValueDate > latest, "valueDate", "not-future", "valueDate cannot be in the future: record cash once it has arrived.");
            errors.AddIf(request.ValueDate < EarliestValueDate, "valueDate", "range", $"valueDate must be on or after {EarliestValueDate:yyyy-MM-dd}.");
        }
        return errors;
    }

    public static decimal Normalise(decimal amount, string currency) => Money.Of(amount, Currency.FromCode(currency)).Amount;

    private static void ValidateEarmark(ValidationErrors errors, EarmarkRequest? earmark)
    {
        if (errors.AddIf(earmark is null, "earmark", "required", "earmark is required: {\"kind\":\"unearmarked\"}, a window or a project."))
        {
            return;
        }
        if (!EarmarkKinds.IsKnown(earmark!.Kind))
        {
            errors.Add("earmark.kind", "one-of", "earmark.kind must be one of: unearmarked, window, project.");
            return;
        }
        switch (earmark.Kind)
        {
            case EarmarkKinds.Unearmarked:
                errors.AddIf(earmark.WindowId is not null, "earmark.windowId", "absent", "An unearmarked contribution names no window.");
                errors.AddIf(earmark.ProjectId is not null, "earmark.projectId", "absent", "An unearmarked contribution names no project.");
                break;
            case EarmarkKinds.Window:
                RequireId(errors, "earmark.windowId", earmark.WindowId);
                errors.AddIf(earmark.ProjectId is not null, "earmark.projectId", "absent", "A window earmark names no project; use kind 'project'.");
                break;
            default:
                RequireId(errors, "earmark.windowId", earmark.WindowId);
                RequireId(errors, "earmark.projectId", earmark.ProjectId);
                break;
        }
    }

    private static void RequireId(ValidationErrors errors, string field, string? value)
    {
        if (!errors.AddIf(string.IsNullOrEmpty(value), field, "required", $"{field} is required."))
        {
            errors.AddIf(!IdPattern().IsMatch(value!), field, "id-format", $"{field} must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
    }
}
