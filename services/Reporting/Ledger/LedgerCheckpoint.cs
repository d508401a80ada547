namespace TrustFund.Reporting.Ledger;

/// <summary>
/// A signed record of the chain's head at a moment: its position, the entry there and that entry's hash. The chain may
/// only ever grow past it, so a ledger whose tail was removed, or rewritten from before the head, no longer matches it.
/// </summary>
public sealed record LedgerCheckpoint(long CheckpointId, long Position, long EntryId, string HeadHash, DateTimeOffset TakenAt, string TakenBy,
    string KeyId, string Signature);

/// <summary>A checkpoint the ledger no longer matches, or whose signature does not hold, and why.</summary>
public sealed record BrokenCheckpoint(long CheckpointId, long Position, string Reason, string? Expected, string? Found);

/// <summary>How many checkpoints were checked, the latest of them, and the first (by position) the ledger fails.</summary>
public sealed record CheckpointVerification(long Checked, LedgerCheckpoint? Latest, BrokenCheckpoint? FirstBroken);
