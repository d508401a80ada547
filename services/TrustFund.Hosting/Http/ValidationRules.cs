using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;

namespace TrustFund.Hosting.Http;

/// <summary>The field rules every service applies the same way: identifiers, currencies, amounts.</summary>
public static partial class ValidationRules
{
    /// <summary>Ids of donors, funds, windows, projects and partners: lower-case letters, digits, '-', '_' and '.', at most 64.</summary>
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>
    /// Characters no text of ours may hold, because they are invisible or change how text around them is shown in the
    /// logs, the database and the exports: the C0 controls (NUL, BEL, ESC…) except tab, line feed and carriage return,
    /// DEL, the C1 controls, and the Unicode bidirectional controls (embeddings, overrides, isolates, marks).
    /// </summary>
    private const string Refused =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f" +
        "\u007f\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f" +
        "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(Refused);

    /// <summary>The same, and tab and line breaks too: for what is one line by nature (ids, route and query values).</summary>
    private static readonly SearchValues<char> ControlCharactersInLine = SearchValues.Create(Refused + "\t\n\r");

    public const string ControlCharactersRule = "control-characters";

    /// <summary>Whether free text (a name, a reason, possibly of several lines) holds a character it may not.</summary>
    public static bool HasControlCharacters(string value) => value.AsSpan().ContainsAny(ControlCharacters);

    /// <summary>Whether a one-line value holds a control character, tab and line breaks included.</summary>
    public static bool HasControlCharactersInLine(string value) => value.AsSpan().ContainsAny(ControlCharactersInLine);

    /// <summary>A list of at most <paramref name="max"/> items; returns whether it is within the bound.</summary>
    public static bool RequireMaxCount(this ValidationErrors errors, string field, int count, int max) =>
        !errors.AddIf(count > max, field, "max-count", $"{field} may hold at most {max} items, not {count}.");

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

    /// <summary>Required name out of a fixed set (a statement, a format); what it names when valid.</summary>
    public static T? RequireOneOf<T>(this ValidationErrors errors, string field, string? value, IReadOnlyDictionary<string, T> known)
        where T : class
    {
        if (errors.AddIf(string.IsNullOrEmpty(value), field, "required", $"{field} is required."))
        {
            return null;
        }
        if (known.TryGetValue(value!, out var found))
        {
            return found;
        }
        errors.Add(field, "one-of", $"{field} must be one of: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}.");
        return null;
    }

    /// <summary>Required period <c>from</c>..<c>to</c> (inclusive), <c>to</c> not before <c>from</c>; the period when valid.</summary>
    public static (DateOnly From, DateOnly To)? RequirePeriod(this ValidationErrors errors, DateOnly? from, DateOnly? to)
    {
        errors.AddIf(from is null, "from", "required", "from (yyyy-MM-dd) is required.");
        errors.AddIf(to is null, "to", "required", "to (yyyy-MM-dd) is required.");
        if (from is null || to is null)
        {
            return null;
        }
        return errors.AddIf(to < from, "to", "not-before-from", "to cannot be before from.") ? null : (from.Value, to.Value);
    }

    /// <summary>The same period given as text in a body: each date must be "yyyy-MM-dd".</summary>
    public static (DateOnly From, DateOnly To)? RequirePeriod(this ValidationErrors errors, string? from, string? to)
    {
        var start = ParseDate(errors, "from", from);
        var end = ParseDate(errors, "to", to);
        return start is null || end is null ? null : errors.RequirePeriod(start, end);
    }

    private static DateOnly? ParseDate(ValidationErrors errors, string field, string? text)
    {
        if (errors.AddIf(string.IsNullOrEmpty(text), field, "required", $"{field} (yyyy-MM-dd) is required."))
        {
            return null;
        }
        var valid = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        errors.AddIf(!valid, field, "format", $"{field} must be a date written yyyy-MM-dd.");
        return valid ? date : null;
    }
}
