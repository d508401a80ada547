using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Storage;

public sealed class ProviderSelectionTests
{
    [Theory]
    [InlineData("oracle")]
    [InlineData("SqlServer")]
    public async Task A_service_refuses_to_start_on_an_unknown_provider_and_says_which_are_accepted(string provider)
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync("Pledges",
            new Dictionary<string, string> { ["Database__Provider"] = provider }, "migrate");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Database__Provider", output, StringComparison.Ordinal);
        Assert.Contains("must be 'postgres' or 'sqlserver'", output, StringComparison.Ordinal);
    }
}
