namespace TrustFund.Pledges.Pledges;

/// <summary>One instalment of a pledge. Everything due is in exactly one place: paid, cancelled, written off, or outstanding.</summary>
public sealed record Instalment(int No, DateOnly DueDate, decimal Amount, decimal Paid = 0m, decimal Cancelled = 0m, decimal WrittenOff = 0m)
{
    public decimal Outstanding => Amount - Paid - Cancelled - WrittenOff;

    /// <summary>completed (paid in full), closed (settled by cancellation or write-off), overdue, in-progress (partly paid) or pending.</summary>
    public string StatusOn(DateOnly today) =>
        Outstanding == 0 ? (Paid == Amount && Amount > 0 ? InstalmentStatuses.Completed : InstalmentStatuses.Closed)
        : DueDate < today ? InstalmentStatuses.Overdue
        : Paid > 0 ? InstalmentStatuses.InProgress
        : InstalmentStatuses.Pending;
}

public static class InstalmentStatuses
{
    public const string Pending = "pending";
    public const string InProgress = "in-progress";
    public const string Overdue = "overdue";
    public const string Completed = "completed";
    public const string Closed = "closed";
}

public sealed class PledgeRuleException(string field, string rule, string message) : Exception(message)
{
    public string Field { get; } = field;

    public string Rule { get; } = rule;
}

/// <summary>
/// The pure rules of a pledge's schedule: payments settle instalments oldest first; cancellation settles every unpaid
/// part; write-offs settle the oldest unpaid parts; amendments change what is still to pay, never what was paid.
/// Every function returns a new schedule and never loses or creates a cent.
/// </summary>
public static class PledgeSchedule
{
    public static decimal Outstanding(IEnumerable<Instalment> schedule) => schedule.Sum(i => i.Outstanding);

    /// <summary>Oldest due first, then by number.</summary>
    public static IReadOnlyList<Instalment> InOrder(IEnumerable<Instalment> schedule) => [.. schedule.OrderBy(i => i.DueDate).ThenBy(i => i.No)];

    /// <summary>Settles <paramref name="amount"/> against the oldest outstanding instalments; returns the new schedule and what each took.</summary>
    /// <exception cref="PledgeRuleException">More than is outstanding.</exception>
    public static (IReadOnlyList<Instalment> Schedule, IReadOnlyList<(int No, decimal Amount)> Matched) Pay(IReadOnlyList<Instalment> schedule, decimal amount)
    {
        var (result, taken) = Settle(schedule, amount, "amount", "not-above-outstanding", (i, x) => i with { Paid = i.Paid + x });
        return (result, taken);
    }

    public static IReadOnlyList<Instalment> WriteOff(IReadOnlyList<Instalment> schedule, decimal amount) =>
        Settle(schedule, amount, "amount", "not-above-outstanding", (i, x) => i with { WrittenOff = i.WrittenOff + x }).Schedule;

    /// <summary>Cancels every unpaid part; what was paid or written off stays.</summary>
    public static IReadOnlyList<Instalment> Cancel(IReadOnlyList<Instalment> schedule) =>
        [.. schedule.Select(i => i with { Cancelled = i.Cancelled + i.Outstanding })];

    /// <summary>
    /// A new total. With <paramref name="newUnpaid"/>, the unpaid parts are replaced by that schedule (which must add up to
    /// the new total less what is settled); without it, an increase goes to the last instalment still open (or a new one
    /// on the last due date) and a decrease comes off the latest unpaid parts first.
    /// </summary>
    public static IReadOnlyList<Instalment> Amend(IReadOnlyList<Instalment> schedule, decimal newTotal, IReadOnlyList<(DateOnly DueDate, decimal Amount)>? newUnpaid = null)
    {
        var settled = schedule.Sum(i => i.Paid + i.Cancelled + i.WrittenOff);
        var paid = schedule.Sum(i => i.Paid);
        if (newTotal < settled)
        {
            throw new PledgeRuleException("amount", "not-below-paid",
                $"The pledge cannot be amended below {settled} ({paid} paid, the rest cancelled or written off).");
        }
        if (newUnpaid is not null)
        {
            if (newUnpaid.Sum(x => x.Amount) != newTotal - settled)
            {
                throw new PledgeRuleException("instalments", "sum", $"The new instalments must add up to {newTotal - settled}: the new total less what is settled.");
            }
            var kept = schedule.Select(i => i with { Amount = i.Paid + i.Cancelled + i.WrittenOff }).ToList();
            var next = schedule.Count == 0 ? 1 : schedule.Max(i => i.No) + 1;
            return [.. kept.Concat(newUnpaid.Select((x, k) => new Instalment(next + k, x.DueDate, x.Amount)))];
        }

        var delta = newTotal - schedule.Sum(i => i.Amount);
        var result = InOrder(schedule).ToList();
        if (delta > 0)
        {
            var open = result.LastOrDefault(i => i.Outstanding > 0);
            if (open is not null)
            {
                result[result.IndexOf(open)] = open with { Amount = open.Amount + delta };
            }
            else
            {
                result.Add(new Instalment(result.Count == 0 ? 1 : result.Max(i => i.No) + 1, result.Count == 0 ? DateOnly.MinValue : result.Max(i => i.DueDate), delta));
            }
            return result;
        }
        var cut = -delta;
        for (var k = result.Count - 1; k >= 0 && cut > 0; k--)
        {
            var take = Math.Min(result[k].Outstanding, cut);
            result[k] = result[k] with { Amount = result[k].Amount - take };
            cut -= take;
        }
        return result;
    }

    private static (IReadOnlyList<Instalment> Schedule, IReadOnlyList<(int No, decimal Amount)> Taken) Settle(
        IReadOnlyList<Instalment> schedule, decimal amount, string field, string rule, Func<Instalment, decimal, Instalment> apply)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var outstanding = Outstanding(schedule);
        if (amount > outstanding)
        {
            throw new PledgeRuleException(field, rule, $"Only {outstanding} is outstanding on this pledge.");
        }
        var byNo = schedule.ToDictionary(i => i.No);
        var taken = new List<(int, decimal)>();
        var left = amount;
        foreach (var instalment in InOrder(schedule).Where(i => i.Outstanding > 0))
        {
            var take = Math.Min(instalment.Outstanding, left);
            byNo[instalment.No] = apply(instalment, take);
            taken.Add((instalment.No, take));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }
        return ([.. schedule.Select(i => byNo[i.No])], taken);
    }
}
