using System.Text.RegularExpressions;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;

namespace TrustFund.Hosting.Http;

/// <summary>The field rules every service applies the same way: identifiers, currencies, amounts.</summary>
public static partial class ValidationRules
{
    /// <summary>Ids of donors, funds, windows, projects and partners: lower-case letters, digits, '-', '_' and '.', at most 64.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>Required id in the common format; returns whether it is valid.</summary>
    public static bool RequireId(this ValidationErrors errors, string field, string? value)
    {
        if (errors.AddIf(string.IsNullOrEmpty(value), field, "required", $"{field} is required."))
        {
            return false;
        }
        return !errors.AddIf(!IsId(value), field, "id-format",
            $"{field} must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
    }

    /// <summary>A required date range (query parameters <c>from</c> and <c>to</c>, both inclusive) whose end is not before its start.</summary>
    public static bool RequireDateRange(this ValidationErrors errors, DateOnly? from, DateOnly? to)
    {
        var missing = errors.AddIf(from is null, "from", "required", "from (yyyy-MM-dd) is required.")
                      | errors.AddIf(to is null, "to", "required", "to (yyyy-MM-dd) is required.");
        return !missing && !errors.AddIf(to < from, "to", "not-before-from", "to cannot be before from.");
    }

    /// <summary>Required free text (names, reasons, references) of at most <paramref name="maxLength"/> characters.</summary>
    public static bool RequireText(this ValidationErrors errors, string field, string? value, int maxLength = 200)
    {
        if (errors.AddIf(string.IsNullOrWhiteSpace(value), field, "required", $"{field} is required."))
        {
            return false;
        }
        return !errors.AddIf(value!.Length > maxLength, field, "max-length", $"{field} must be at most {maxLength} characters.");
    }

    /// <summary>Required active ISO 4217 code; the currency when valid.</summary>
    public static Currency? RequireCurrency(this ValidationErrors errors, string field, string? code)
    {
        if (errors.AddIf(string.IsNullOrEmpty(code), field, "required", $"{field} is required (an ISO 4217 code such as USD)."))
        {
            return null;
        }
        return errors.AddIf(!Currency.TryFromCode(code, out var currency), field, "iso-4217",
            $"'{code}' is not an active ISO 4217 currency code (upper case, e.g. USD).")
            ? null
            : currency;
    }

    /// <summary>
    /// Required amount: greater than zero (or at least zero with <paramref name="allowZero"/>), within the
    /// currency's minor units and the supported range. The currency may be unknown (then only the sign is checked).
    /// </summary>
    public static bool RequireAmount(this ValidationErrors errors, string field, decimal? amount, Currency? currency, bool allowZero = false)
    {
        if (errors.AddIf(amount is null, field, "required", $"{field} is required."))
        {
            return false;
        }
        var value = amount!.Value;
        if (allowZero
                ? errors.AddIf(value < 0, field, "not-negative", $"{field} cannot be negative.")
                : errors.AddIf(value <= 0, field, "positive", $"{field} must be greater than zero."))
        {
            return false;
        }
        if (currency is not null && !Money.TryOf(value, currency, out _, out var rule))
        {
            errors.Add(field, rule, rule == MoneyRule.Scale
                ? $"{field} has more decimals than {currency.Code} allows ({currency.MinorUnits})."
                : $"{field} is beyond the supported range (at most {Money.MaxAmount} per movement).");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Required earmark: the fund's core (<c>unearmarked</c>, no window, no project), a window, or a project inside a
    /// window. Returns the earmark when it is well formed; whether the target exists is for the caller to judge.
    /// </summary>
    public static Earmark? RequireEarmark(this ValidationErrors errors, string field, bool present, string? kind, string? windowId, string? projectId)
    {
        if (errors.AddIf(!present, field, "required", $"{field} is required: {{\"kind\":\"unearmarked\"}}, a window or a project."))
        {
            return null;
        }
        if (!EarmarkKinds.IsKnown(kind))
        {
            errors.Add($"{field}.kind", "one-of", $"{field}.kind must be one of: unearmarked, window, project.");
            return null;
        }
        var valid = true;
        switch (kind)
        {
            case EarmarkKinds.Unearmarked:
                valid &= !errors.AddIf(windowId is not null, $"{field}.windowId", "absent", "An unearmarked contribution names no window.");
                valid &= !errors.AddIf(projectId is not null, $"{field}.projectId", "absent", "An unearmarked contribution names no project.");
                break;
            case EarmarkKinds.Window:
                valid &= errors.RequireId($"{field}.windowId", windowId);
                valid &= !errors.AddIf(projectId is not null, $"{field}.projectId", "absent", "A window earmark names no project; use kind 'project'.");
                break;
            default:
                valid &= errors.RequireId($"{field}.windowId", windowId);
                valid &= errors.RequireId($"{field}.projectId", projectId);
                break;
        }
        return valid ? new Earmark { Kind = kind!, WindowId = windowId, ProjectId = projectId } : null;
    }
}
