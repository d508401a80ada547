using TrustFund.Reporting.Ledger;

namespace TrustFund.UnitTests.Ledger;

public sealed class EntryHashTests
{
    private static StoredEntry Entry(decimal amount = 100m, string description = "Contribution from donor-a") => new(7, "contribution", "c-1", "fund-a",
        new DateOnly(2026, 11, 2), description,
        [new LedgerLine(1, Accounts.Cash, "donor-a", "USD", amount, 0m), new LedgerLine(2, Accounts.ContributionRevenueRestricted, "donor-a", "USD", 0m, amount)]);

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
}
