using System.Diagnostics.CodeAnalysis;

namespace TrustFund.Contracts.Amounts;

/// <summary>An amount that is not valid money in its currency; <see cref="Rule"/> says which rule it broke.</summary>
[SuppressMessage(
    "Design",
    "CA1032:Implement standard exception constructors",
    Justification = "A money error without the rule it broke carries no information callers can act on.")]
public sealed class MoneyException(string rule, string message) : Exception(message)
{
    /// <summary>One of the <see cref="MoneyRule"/> constants.</summary>
    public string Rule { get; } = rule;
}
