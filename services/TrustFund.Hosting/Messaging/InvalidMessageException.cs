namespace TrustFund.Hosting.Messaging;

/// <summary>A message whose content can never be applied (an amount that is not money, a required field missing).</summary>
public sealed class InvalidMessageException(string message) : PermanentFailureException(message);
