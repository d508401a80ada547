namespace TrustFund.Contracts.Messages;

/// <summary>
/// A fund was defined or one of its settings changed. Carries the fund's whole current state and a version
/// that grows by one per change, so a service keeping a local copy keeps the highest version it has seen
/// and tolerates duplicate and out-of-order delivery.
/// </summary>
public sealed record FundChanged : IEvent
{
    public required string FundId { get; init; }

    public required string Name { get; init; }

    /// <summary>ISO 4217 code of the currency the fund keeps its books in.</summary>
    public required string BaseCurrency { get; init; }

    /// <summary>Administrative fee kept by the trustee on each contribution, as a fraction (0.01 = 1%).</summary>
    public required decimal FeeRate { get; init; }

    /// <summary>One of <see cref="FinancingModels"/>.</summary>
    public required string FinancingModel { get; init; }

    /// <summary>Disbursements above this amount (base currency) need two different approvers.</summary>
    public required decimal TwoApproverThreshold { get; init; }

    /// <summary>Interest earned goes to the core window instead of pro rata to the pools.</summary>
    public required bool InterestToCore { get; init; }

    public required int Version { get; init; }

    /// <summary>What this version changed, e.g. "defined", "settings-changed".</summary>
    public required string Change { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required string ChangedBy { get; init; }
}

/// <summary>A window of a fund was opened or closed; whole state and version, as <see cref="FundChanged"/>.</summary>
public sealed record WindowChanged : IEvent
{
    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string Name { get; init; }

    /// <summary>One of <see cref="StructureStatuses"/>.</summary>
    public required string Status { get; init; }

    public required int Version { get; init; }

    public required string Change { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required string ChangedBy { get; init; }
}

/// <summary>A project was opened, closed or given a new allocation; whole state and version, as <see cref="FundChanged"/>.</summary>
public sealed record ProjectChanged : IEvent
{
    public required string FundId { get; init; }

    public required string ProjectId { get; init; }

    public required string WindowId { get; init; }

    public required string Name { get; init; }

    /// <summary>Subject of the project lead who may request funds for it.</summary>
    public required string ProjectLead { get; init; }

    /// <summary>The implementing partner organisation that runs it.</summary>
    public required string PartnerId { get; init; }

    public required string Status { get; init; }

    /// <summary>Total the fund manager approved for the project, in the fund's base currency.</summary>
    public required decimal Allocation { get; init; }

    public required string Currency { get; init; }

    public required int Version { get; init; }

    public required string Change { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required string ChangedBy { get; init; }
}

public static class FinancingModels
{
    public const string Voluntary = "voluntary";
    public const string Assessed = "assessed";
    public const string Hybrid = "hybrid";

    public static bool IsKnown(string? model) => model is Voluntary or Assessed or Hybrid;
}

public static class StructureStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>
/// The fund managers of a fund changed (one assigned or removed). Carries the whole set and a version that grows by
/// one per change, as <see cref="FundChanged"/>; published in the fund's partition, so it reaches other services in
/// order with the fund's other events.
/// </summary>
public sealed record FundManagersChanged : IEvent
{
    public required string FundId { get; init; }

    /// <summary>The subjects (token <c>sub</c>) of every fund manager of the fund, after the change.</summary>
    public required IReadOnlyList<string> Managers { get; init; }

    public required int Version { get; init; }

    /// <summary>What this version changed: "assigned", "removed", or "republished" (nothing changed; sent again).</summary>
    public required string Change { get; init; }

    /// <summary>The manager assigned or removed; null when republished.</summary>
    public string? Manager { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required string ChangedBy { get; init; }
}
