using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;

namespace TrustFund.Pledges.Pledges;

public sealed record InstalmentResponse(int No, DateOnly DueDate, decimal Amount, decimal Paid, decimal Cancelled, decimal WrittenOff,
    decimal Outstanding, string Status, int DaysOverdue);

public sealed record PledgeResponse(Guid PledgeId, string DonorId, string FundId, Earmark Earmark, decimal Amount, string Currency, DateOnly PledgedOn,
    string Kind, Guid? AssessmentId, decimal Paid, decimal Cancelled, decimal WrittenOff, decimal Outstanding, decimal Overdue, int Version,
    IReadOnlyList<InstalmentResponse> Instalments);

public static class PledgeResponses
{
    public static PledgeResponse Of(PledgeRow p, IReadOnlyList<Instalment> schedule, DateOnly today)
    {
        decimal N(decimal v) => Money.Normalise(v, p.Currency);
        var instalments = PledgeSchedule.InOrder(schedule).Select(i => new InstalmentResponse(i.No, i.DueDate, N(i.Amount), N(i.Paid), N(i.Cancelled),
            N(i.WrittenOff), N(i.Outstanding), i.StatusOn(today), i.Outstanding > 0 && i.DueDate < today ? today.DayNumber - i.DueDate.DayNumber : 0)).ToList();
        return new PledgeResponse(p.PledgeId, p.DonorId, p.FundId, p.Earmark, N(schedule.Sum(i => i.Amount)), p.Currency, p.PledgedOn, p.Kind, p.AssessmentId,
            N(schedule.Sum(i => i.Paid)), N(schedule.Sum(i => i.Cancelled)), N(schedule.Sum(i => i.WrittenOff)), N(schedule.Sum(i => i.Outstanding)),
            N(instalments.Where(i => i.Status == InstalmentStatuses.Overdue).Sum(i => i.Outstanding)), p.Version, instalments);
    }
}
