using System.Diagnostics.CodeAnalysis;

namespace TrustFund.Contracts.Amounts;

/// <summary>An ISO 4217 currency: its alphabetic code and the number of decimals its amounts may carry.</summary>
/// <remarks>
/// Instances come only from <see cref="CurrencyRegistry"/>, so every <see cref="Currency"/> in the
/// system is a real ISO 4217 currency with the right minor units.
/// </remarks>
public sealed record Currency
{
    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>ISO 4217 alphabetic code, three upper-case letters (e.g. "USD").</summary>
    public string Code { get; }

    /// <summary>Number of decimals an amount in this currency may carry (JPY 0, USD 2, BHD 3, CLF 4).</summary>
    public int MinorUnits { get; }

    public static Currency USD => FromCode("USD");

    public static Currency EUR => FromCode("EUR");

    public static Currency GBP => FromCode("GBP");

    public static Currency CHF => FromCode("CHF");

    public static Currency JPY => FromCode("JPY");

    public static Currency BHD => FromCode("BHD");

    /// <summary>All currencies of the registry, ordered by code.</summary>
    public static IReadOnlyCollection<Currency> All => CurrencyRegistry.All;

    /// <summary>
    /// Looks up a currency by its exact ISO 4217 code. Codes are case-sensitive: "usd" is not a code,
    /// and accepting it here would let un-normalised input reach storage and messages. Callers that
    /// take user input normalise it (trim, upper-case) themselves, visibly.
    /// </summary>
    public static bool TryFromCode(string? code, [MaybeNullWhen(false)] out Currency currency) =>
        CurrencyRegistry.TryGet(code, out currency);

    /// <summary>Looks up a currency by its exact ISO 4217 code.</summary>
    /// <exception cref="ArgumentException">The code is not an upper-case ISO 4217 code in the registry.</exception>
    public static Currency FromCode(string code) =>
        TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException(
                $"'{code}' is not a known ISO 4217 currency code (three upper-case letters, e.g. USD).",
                nameof(code));

    internal static Currency Create(string code, int minorUnits) => new(code, minorUnits);

    public override string ToString() => Code;
}
