using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Operations;

namespace TrustFund.UnitTests.Hosting;

public sealed class OperatorCommandLineTests
{
    private static readonly string[] Options = ["--operator", "--reason"];
    private static readonly string[] Flags = ["--all"];
    private static readonly Guid Id = Guid.Parse("3f2b8a7e-7d4c-4f0e-9a57-1c0b7f3e9d11");

    private static CommandArguments Parse(params string[] args) => CommandArguments.Parse(args, Options, Flags);

    [Fact]
    public void Options_flags_and_the_message_id_are_read_in_any_order()
    {
        var args = Parse("--operator", "ops-alice", Id.ToString(), "--reason", "mended, at last");

        Assert.Equal(Id, args.Target(0, allowAll: true));
        Assert.Equal("ops-alice", args.Required("--operator", "audited"));
        Assert.Equal("mended, at last", args.Option("--reason"));
        Assert.False(args.Flag("--all"));
    }

    [Fact]
    public void All_stands_for_every_message_where_it_is_allowed() => Assert.Null(Parse("--all").Target(0, allowAll: true));

    [Theory]
    [InlineData("--colour", "red")]
    [InlineData("--operator")]
    [InlineData("--operator", "--all")]
    [InlineData("--operator", " ")]
    [InlineData("--operator", "a", "--operator", "b")]
    public void A_malformed_command_line_is_a_usage_error(params string[] args) =>
        Assert.Throws<UsageException>(() => Parse(args));

    [Theory]
    [InlineData(true)]
    [InlineData(true, "not-a-uuid")]
    [InlineData(true, "3f2b8a7e-7d4c-4f0e-9a57-1c0b7f3e9d11", "--all")]
    [InlineData(false, "--all")]
    public void The_target_is_one_message_id_or_all_never_neither_nor_both(bool allowAll, params string[] args) =>
        Assert.Throws<UsageException>(() => Parse(args).Target(0, allowAll));

    [Fact]
    public void A_missing_required_option_names_itself_and_the_reason()
    {
        var error = Assert.Throws<UsageException>(() => Parse(Id.ToString()).Required("--reason", "say why"));
        Assert.Equal("--reason is required: say why.", error.Message);
    }

    [Fact]
    public void A_stray_word_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => Parse(Id.ToString(), "extra").NoMoreThan(1));

    [Fact]
    public void Error_queues_are_named_after_the_service_s_consumer_endpoints()
    {
        var queues = ConsumerQueues.Of("earmarking", typeof(TrustFund.Earmarking.Pools.ContributionReceivedConsumer).Assembly);

        Assert.Contains("earmarking-contribution-received", queues.Names);
        Assert.Contains("earmarking-reserve-funds", queues.Names);
        Assert.All(queues.Names, name => Assert.StartsWith("earmarking-", name, StringComparison.Ordinal));
    }
}
