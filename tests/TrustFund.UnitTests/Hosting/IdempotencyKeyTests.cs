using TrustFund.Hosting.Idempotency;

namespace TrustFund.UnitTests.Hosting;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("a")]
    [InlineData("order:2026-11-23.batch_7")]
    public void Well_formed_keys_are_accepted(string key) => Assert.True(IdempotencyKey.IsWellFormed(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("é")]
    [InlineData("semi;colon")]
    [InlineData("new\nline")]
    public void Malformed_keys_are_refused(string? key) => Assert.False(IdempotencyKey.IsWellFormed(key));

    [Fact]
    public void Keys_longer_than_255_characters_are_refused()
    {
        Assert.True(IdempotencyKey.IsWellFormed(new string('k', 255)));
        Assert.False(IdempotencyKey.IsWellFormed(new string('k', 256)));
    }

    [Theory]
    [InlineData("/donors/donor-a", true)]
    [InlineData("/donors/donor-a\n", false)]
    [InlineData("/donors/a\rb", false)]
    [InlineData("/donors/\u00e9", false)]
    [InlineData("", false)]
    public void Only_printable_ascii_is_kept_as_a_header_of_the_answer(string value, bool sendable) =>
        Assert.Equal(sendable, IdempotentExecutor.IsSendableHeaderValue(value));

    [Fact]
    public void Request_hash_depends_on_method_path_and_body()
    {
        var hash = IdempotentExecutor.Hash("POST", "/contributions", """{"amount":1}""");

        Assert.Equal(hash, IdempotentExecutor.Hash("POST", "/contributions", """{"amount":1}"""));
        Assert.NotEqual(hash, IdempotentExecutor.Hash("POST", "/contributions", """{"amount":2}"""));
        Assert.NotEqual(hash, IdempotentExecutor.Hash("POST", "/pledges", """{"amount":1}"""));
        Assert.NotEqual(hash, IdempotentExecutor.Hash("PUT", "/contributions", """{"amount":1}"""));
    }
}
