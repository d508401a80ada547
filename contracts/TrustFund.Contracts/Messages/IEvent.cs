namespace TrustFund.Contracts.Messages;

/// <summary>
/// Marks a message published by one service for the others. Published messages are only ever extended
/// with optional fields; an incompatible change is a new type.
/// </summary>
#pragma warning disable CA1040 // A marker is what is wanted: it names the messages this assembly publishes.
public interface IEvent;
#pragma warning restore CA1040
