using TrustFund.Tests.Shared;
using TrustFund.Reporting.Exports;
using TrustFund.Reporting.Exports.Documents;
using TrustFund.Reporting.Periods;

namespace TrustFund.UnitTests.Exports;

/// <summary>Documents of known figures, and a way to read a PDF's text the way a person sees it.</summary>
public static class ExportSamples
{
    public static readonly DateOnly From = new(2026, 1, 1);
    public static readonly DateOnly To = new(2026, 12, 31);

    public static readonly ExportStamp Stamp = new(new DateTimeOffset(2026, 11, 22, 10, 15, 30, TimeSpan.Zero), "finance-1", 42,
        "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12");

    /// <summary>USD with amounts past a million, and BHD (three decimals) in a second section.</summary>
    public static ExportDocument TrialBalance() => TrialBalanceDocument.Map(new TrialBalance("fund-asm", From, To,
    [
        new("1000-cash", "BHD", 12.345m, 0m),
        new("4000-contribution-revenue-without-donor-restrictions", "BHD", 0m, 12.345m),
        new("1000-cash", "USD", 1_234_567.89m, 12_345.67m),
        new("4100-contribution-revenue-with-donor-restrictions", "USD", 0m, 1_234_567.89m),
        new("5100-administrative-agent-fee", "USD", 12_345.67m, 0m),
    ],
    [
        new("(total)", "BHD", 12.345m, 12.345m),
        new("(total)", "USD", 1_246_913.56m, 1_246_913.56m),
    ]));

    /// <summary>A trial balance of <paramref name="accounts"/> accounts of 1.00 each: far more than a page holds.</summary>
    public static ExportDocument Long(int accounts) => TrialBalanceDocument.Map(new TrialBalance("fund-long", From, To,
        [.. Enumerable.Range(1, accounts).Select(i => new TrialBalanceLine($"{i:0000}-account-number-{i}", "USD", 1m, 0m))],
        [new("(total)", "USD", accounts, 0m)]));

    public static string PdfText(byte[] pdf) => Poppler.Text(pdf);
}
