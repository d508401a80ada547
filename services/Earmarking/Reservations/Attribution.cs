using TrustFund.Contracts.Messages;

namespace TrustFund.Earmarking.Reservations;

/// <summary>Sums pool lines per donor: the donor attribution of a movement, largest share first.</summary>
public static class Attribution
{
    public static IReadOnlyList<DonorShare> ByDonor(IEnumerable<PoolLine> lines) =>
        [.. lines.GroupBy(l => l.DonorId, StringComparer.Ordinal)
            .Select(g => new DonorShare { DonorId = g.Key, Amount = g.Sum(l => l.Amount) })
            .OrderByDescending(s => s.Amount).ThenBy(s => s.DonorId, StringComparer.Ordinal)];
}
