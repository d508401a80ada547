using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace TrustFund.Contracts.Amounts;

/// <summary>
/// ISO 4217 List One (active codes, 2025 edition) with minor units. Left out on purpose: precious
/// metals, bond-market units, the test and "no currency" codes (XAU, XBA…XBD, XTS, XXX, XSU, XUA),
/// whose minor units ISO gives as "N.A.", and withdrawn codes (HRK, SLL, ZWL, VEF, CUC, ANG).
/// Two judgement calls: XDR is listed with minor units "N.A." by ISO, but donors' SDR amounts are
/// stated in hundredths, so it has 2 here; BGN is kept although Bulgaria joined the euro in 2026,
/// because pledges recorded before the change-over are in lev.
/// </summary>
internal static class CurrencyRegistry
{
    private const string ZeroDecimals =
        "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";

    private const string ThreeDecimals = "BHD IQD JOD KWD LYD OMR TND";

    private const string FourDecimals = "CLF UYW";

    private const string TwoDecimals =
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
        "GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR " +
        "LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD " +
        "PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC " +
        "SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG XDR YER ZAR " +
        "ZMW ZWG";

    private static readonly FrozenDictionary<string, Currency> ByCode = Build();

    public static IReadOnlyCollection<Currency> All { get; } =
        [.. ByCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];

    public static bool TryGet(string? code, [MaybeNullWhen(false)] out Currency currency)
    {
        if (code is not null && ByCode.TryGetValue(code, out var found))
        {
            currency = found;
            return true;
        }

        currency = null;
        return false;
    }

    private static FrozenDictionary<string, Currency> Build()
    {
        var groups = new[] { (ZeroDecimals, 0), (TwoDecimals, 2), (ThreeDecimals, 3), (FourDecimals, 4) };
        return groups
            .SelectMany(g => g.Item1.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(code => Currency.Create(code, g.Item2)))
            .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
    }
}
