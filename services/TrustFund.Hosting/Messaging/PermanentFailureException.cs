namespace TrustFund.Hosting.Messaging;

/// <summary>
/// A failure that retrying cannot mend (a bug in a rule, a message that can never be applied): the message goes
/// straight to the error queue, where an operator sees it, instead of being retried first.
/// </summary>
public abstract class PermanentFailureException(string message) : Exception(message);
