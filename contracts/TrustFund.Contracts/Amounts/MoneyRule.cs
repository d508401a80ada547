namespace TrustFund.Contracts.Amounts;

/// <summary>The names of the rules a money amount can break; stable strings, used in problem details.</summary>
public static class MoneyRule
{
    /// <summary>The amount has more decimals than the currency's minor units.</summary>
    public const string Scale = "scale";

    /// <summary>The absolute amount is greater than <see cref="Money.MaxAmount"/>.</summary>
    public const string Range = "range";
}
