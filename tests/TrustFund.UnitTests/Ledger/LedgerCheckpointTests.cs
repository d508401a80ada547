using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using TrustFund.Reporting.Ledger;

namespace TrustFund.UnitTests.Ledger;

public sealed class LedgerCheckpointTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly CheckpointSigner Signer = new(Key);
    private static readonly string Head = new('a', 64);
    private static readonly DateTimeOffset At = new(2026, 12, 4, 10, 30, 15, 123, TimeSpan.Zero);

    private static LedgerCheckpoint Checkpoint(CheckpointSigner? signer = null) => (signer ?? Signer).Sign(42, 1042, Head, At, "finance-1") with { CheckpointId = 7 };

    [Fact]
    public void The_signature_is_an_hmac_sha256_of_a_readable_payload_that_anyone_with_the_key_can_recompute()
    {
        var checkpoint = Checkpoint();
        Assert.Equal("""
            trustfund-ledger-checkpoint/v1
            position:42
            entry:1042
            head:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            taken-at:2026-12-04T10:30:15.123Z
            taken-by:finance-1

            """.Replace("\r\n", "\n", StringComparison.Ordinal), CheckpointSigner.Payload(checkpoint));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(CheckpointSigner.Payload(checkpoint)))), checkpoint.Signature);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Key))[..16], checkpoint.KeyId);
        Assert.True(Signer.Verifies(checkpoint));
    }

    [Fact]
    public void The_time_signed_is_what_the_database_keeps_to_the_millisecond()
    {
        var checkpoint = Signer.Sign(1, 1, Head, At.AddTicks(4567), "system");
        Assert.Equal(At, checkpoint.TakenAt);
        Assert.True(Signer.Verifies(checkpoint));
    }

    [Fact]
    public void Any_changed_field_or_another_key_fails_the_signature()
    {
        var checkpoint = Checkpoint();
        Assert.False(Signer.Verifies(checkpoint with { Position = 41 }));
        Assert.False(Signer.Verifies(checkpoint with { EntryId = 1041 }));
        Assert.False(Signer.Verifies(checkpoint with { HeadHash = new string('b', 64) }));
        Assert.False(Signer.Verifies(checkpoint with { TakenAt = At.AddSeconds(1) }));
        Assert.False(Signer.Verifies(checkpoint with { TakenBy = "someone-else" }));
        Assert.False(Signer.Verifies(checkpoint with { Signature = new string('0', 64) }));
        Assert.False(Signer.Verifies(checkpoint with { Signature = "not hex" }));
        var other = new CheckpointSigner([.. Key.Reverse()]);
        Assert.False(other.Verifies(checkpoint));
        Assert.False(Signer.Verifies(Checkpoint(other) with { KeyId = checkpoint.KeyId }));
    }

    [Fact]
    public void A_chain_that_still_holds_the_checkpointed_head_passes()
    {
        Assert.Null(CheckpointCheck.Check(Checkpoint(), new ChainLink(42, 1042, new string('9', 64), Head), 50, Signer));
    }

    [Fact]
    public void A_chain_that_ends_before_the_checkpoint_names_it_as_truncated()
    {
        var broken = CheckpointCheck.Check(Checkpoint(), null, 40, Signer);
        Assert.NotNull(broken);
        Assert.Equal((7L, 42L, Head, (string?)null), (broken.CheckpointId, broken.Position, broken.Expected, broken.Found));
        Assert.Contains("ends at position 40", broken.Reason, StringComparison.Ordinal);
        Assert.Contains("removed", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_hash_or_entry_at_the_checkpoint_position_names_it_as_rewritten()
    {
        var other = new string('c', 64);
        var broken = CheckpointCheck.Check(Checkpoint(), new ChainLink(42, 1042, Head, other), 42, Signer);
        Assert.NotNull(broken);
        Assert.Equal((7L, 42L, Head, (string?)other), (broken.CheckpointId, broken.Position, broken.Expected, broken.Found));
        Assert.Contains("differs", broken.Reason, StringComparison.Ordinal);
        Assert.Contains("differs", CheckpointCheck.Check(Checkpoint(), new ChainLink(42, 999, Head, Head), 42, Signer)!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_signature_or_another_key_is_named_before_the_chain_is_compared()
    {
        var link = new ChainLink(42, 1042, Head, Head);
        Assert.Contains("signature", CheckpointCheck.Check(Checkpoint() with { HeadHash = new string('d', 64) }, link, 42, Signer)!.Reason,
            StringComparison.Ordinal);
        var foreign = CheckpointCheck.Check(Checkpoint(new CheckpointSigner([.. Key.Reverse()])), link, 42, Signer)!;
        Assert.Contains("another key", foreign.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "00:01:00")]
    [InlineData("c2hvcnQ=", "00:01:00")]
    [InlineData("not base64 at all!", "00:01:00")]
    [InlineData(null, "00:00:00")]
    [InlineData(null, "8.00:00:00")]
    public void Checkpoint_keys_that_are_missing_short_or_malformed_and_intervals_out_of_range_are_refused(string? key, string interval)
    {
        var options = new CheckpointOptions { CheckpointKey = key ?? Convert.ToBase64String(Key), CheckpointInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains(key is null ? "Ledger:CheckpointInterval" : "Ledger:CheckpointKey", StringComparison.Ordinal));
        options = new CheckpointOptions { CheckpointKey = Convert.ToBase64String(Key) };
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
    }
}
