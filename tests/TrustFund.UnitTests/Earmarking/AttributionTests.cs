using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Reservations;

namespace TrustFund.UnitTests.Earmarking;

public sealed class AttributionTests
{
    private static PoolLine Line(string donor, decimal amount, long pool = 1) =>
        new() { PoolId = pool, DonorId = donor, EarmarkKind = "window", WindowId = "w", Amount = amount };

    [Fact]
    public void Lines_are_summed_per_donor_largest_share_first_then_by_id()
    {
        var shares = Attribution.ByDonor([Line("b", 10m), Line("a", 5m, 2), Line("a", 5m, 3), Line("c", 30m)]);

        Assert.Equal([("c", 30m), ("a", 10m), ("b", 10m)], shares.Select(s => (s.DonorId, s.Amount)));
    }

    [Fact]
    public void Attribution_adds_up_to_the_lines() =>
        Assert.Equal(45.67m, Attribution.ByDonor([Line("a", 0.01m), Line("b", 45.66m)]).Sum(s => s.Amount));
}
