using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrustFund.IntegrationTests.Storage.Stores;

/// <summary>
/// A test of the store contract, run once per store by each concrete class (see <see cref="StoreAttribute"/>). A SQL
/// Server case is reported as skipped by configuration, never as passed, when <c>TF_SQLSERVER</c> is not set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("TrustFund.IntegrationTests.Storage.Stores.StoreFactDiscoverer", "TrustFund.IntegrationTests")]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The store the test class runs the contract against.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StoreAttribute(string provider) : Attribute
{
    public string Provider { get; } = provider;
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string SkipReason =
        "skipped by configuration: TF_SQLSERVER is not set (no SQL Server runs on this machine); set it to a connection string to run against SQL Server";

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var provider = testMethod.TestClass.Class.GetCustomAttributes(typeof(StoreAttribute)).SingleOrDefault()
            ?.GetConstructorArguments().Single() as string;
        if (provider == Hosting.Storage.DatabaseProviders.SqlServer && StoreServer.SqlServerConnectionString is null)
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, SkipReason);
            yield break;
        }
        yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
