using TrustFund.Reporting.Ledger;

namespace TrustFund.UnitTests.Ledger;

public sealed class EntryHashTests
{
    private static StoredEntry Entry(decimal amount = 100m, string description = "Contribution from donor-a") => new(7, "contribution", "c-1", "fund-a",
        new DateOnly(2026, 11, 2), description,
        [new LedgerLine(1, Accounts.Cash, "donor-a", "USD", amount, 0m, amount, 0m, null), new LedgerLine(2, Accounts.ContributionRevenueRestricted, "donor-a", "USD", 0m, amount, 0m, amount, null)]);

    [Fact]
    public void The_canonical_form_is_stable_and_readable()
    {
        Assert.Equal("""
            entry:7
            source:contribution/c-1
            fund:fund-a
            value-date:2026-11-02
            description:Contribution from donor-a
            line:1|1000-cash|donor-a|USD|100.0000|0.0000
            line:2|4100-contribution-revenue-with-donor-restrictions|donor-a|USD|0.0000|100.0000

            """.Replace("\r\n", "\n", StringComparison.Ordinal), EntryHash.Canonical(Entry()));
    }

    [Fact]
    public void The_hash_depends_on_every_cent_and_on_the_previous_hash()
    {
        var hash = EntryHash.Compute(EntryHash.Genesis, Entry());

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, EntryHash.Compute(EntryHash.Genesis, Entry()));
        Assert.NotEqual(hash, EntryHash.Compute(EntryHash.Genesis, Entry(100.01m)));
        Assert.NotEqual(hash, EntryHash.Compute(EntryHash.Genesis, Entry(description: "Contribution from donor-b")));
        Assert.NotEqual(hash, EntryHash.Compute(new string('1', 64), Entry()));
    }

    [Fact]
    public void The_same_amount_at_another_scale_hashes_alike() =>
        Assert.Equal(EntryHash.Compute(EntryHash.Genesis, Entry(100m)), EntryHash.Compute(EntryHash.Genesis, Entry(100.0000m)));

    [Fact]
    public void A_foreign_line_hashes_its_base_value_and_an_earmark_is_hashed_where_set()
    {
        StoredEntry Pledge(decimal baseValue, string? earmark) => new(8, "pledge", "p-1", "fund-a", new DateOnly(2026, 1, 10), "Pledge",
        [
            new LedgerLine(1, Accounts.ContributionsReceivable, "d", "EUR", 100m, 0m, baseValue, 0m, earmark),
            new LedgerLine(2, Accounts.CurrencyExchangePosition, "d", "EUR", 0m, 100m, 0m, baseValue, null),
            new LedgerLine(3, Accounts.CurrencyExchangePosition, "d", "USD", baseValue, 0m, baseValue, 0m, null),
            new LedgerLine(4, Accounts.ContributionRevenueRestricted, "d", "USD", 0m, baseValue, 0m, baseValue, earmark),
        ], BaseCurrency: "USD");

        var canonical = EntryHash.Canonical(Pledge(108m, "project"));
        Assert.Contains("base-currency:USD\n", canonical, StringComparison.Ordinal);
        Assert.Contains("line:1|1100-contributions-receivable|d|EUR|100.0000|0.0000|base:108.0000|0.0000|earmark:project\n", canonical, StringComparison.Ordinal);
        Assert.NotEqual(EntryHash.Compute(EntryHash.Genesis, Pledge(108m, "project")), EntryHash.Compute(EntryHash.Genesis, Pledge(108.01m, "project")));
        Assert.NotEqual(EntryHash.Compute(EntryHash.Genesis, Pledge(108m, "project")), EntryHash.Compute(EntryHash.Genesis, Pledge(108m, "window")));
    }
}
