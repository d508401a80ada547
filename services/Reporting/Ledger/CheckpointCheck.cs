using System.Data.Common;
using Dapper;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// Holds the chain against every checkpoint: the signature must verify, the chain must reach the checkpoint's position,
/// and the link there must be the entry and hash checkpointed. With the chain itself verified link by link, that link's
/// hash stands for everything before it, so a matching checkpoint vouches for the whole chain up to it.
/// </summary>
public static class CheckpointCheck
{
    public static BrokenCheckpoint? Check(LedgerCheckpoint checkpoint, ChainLink? linkAtPosition, long headPosition, CheckpointSigner signer)
    {
        BrokenCheckpoint Broken(string reason, string? found = null) => new(checkpoint.CheckpointId, checkpoint.Position, reason, checkpoint.HeadHash, found);
        if (checkpoint.KeyId != signer.KeyId)
        {
            return Broken($"checkpoint signed with another key (key id {checkpoint.KeyId}; the configured key is {signer.KeyId})");
        }
        if (!signer.Verifies(checkpoint))
        {
            return Broken("checkpoint signature does not verify: the checkpoint was altered or forged");
        }
        if (linkAtPosition is null)
        {
            return Broken($"the chain ends at position {headPosition}, before this checkpoint's position {checkpoint.Position}: entries checkpointed were removed");
        }
        return linkAtPosition.EntryHash == checkpoint.HeadHash && linkAtPosition.EntryId == checkpoint.EntryId
            ? null
            : Broken($"the chain's link at this checkpoint's position differs from the one checkpointed (entry {linkAtPosition.EntryId}): the chain was rewritten",
                linkAtPosition.EntryHash);
    }

    /// <summary>Checks every checkpoint against the chain as it is now; the first broken one in position order is named.</summary>
    public static async Task<CheckpointVerification> VerifyAsync(Database database, DbConnection connection, CheckpointSigner signer)
    {
        var checkpoints = (await connection.QueryAsync<LedgerCheckpoint>(database.Sql["checkpoints.all"])).ToList();
        var head = await connection.QuerySingleOrDefaultAsync<ChainLink>(database.Sql["chain.head"]);
        var links = (await connection.QueryAsync<ChainLink>(database.Sql["chain.at_positions"],
                new { Positions = database.List(checkpoints.Select(c => c.Position).Distinct()) }))
            .ToDictionary(l => l.Position);
        var broken = checkpoints
            .Select(c => Check(c, links.GetValueOrDefault(c.Position), head?.Position ?? 0, signer))
            .FirstOrDefault(b => b is not null);
        return new CheckpointVerification(checkpoints.Count, checkpoints.MaxBy(c => c.CheckpointId), broken);
    }
}
