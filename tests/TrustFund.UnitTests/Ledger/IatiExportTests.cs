using System.ComponentModel.DataAnnotations;
using System.Xml.Linq;
using System.Xml.Schema;
using TrustFund.Reporting.Exports.Iati;
using TrustFund.Reporting.Ledger;

namespace TrustFund.UnitTests.Ledger;

public sealed class IatiExportTests
{
    private static readonly IatiOptions Options = new() { ReportingOrgRef = "XM-DAC-00000", ReportingOrgName = "The Trustee", ReportingOrgType = "40" };

    private static readonly Lazy<XmlSchemaSet> Schema = new(() => IatiSchema.Official(RepositoryRoot()));

    private static readonly DateTimeOffset Posted = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private static int entries;

    /// <summary>
    /// Project p1 (window mercury, partner-1): a pledge of 300 earmarked to it, amended to 400; 120 paid in; a transfer
    /// of 180 paid by 100 of that project money, 50 of window money and 30 of core money; a refund of 30 (20 going back
    /// to the window, 10 to the project); 30 of the pledge written off. Project p2: a pledge in euros, unknown to the copy.
    /// </summary>
    private static readonly IatiLedgerLine[] Lines =
    [
        .. Entry("pledge", "pl-1", 10, "p1", null,
            (Accounts.ContributionsReceivable, "donor-norway", 300m, "project"), (Accounts.ContributionRevenueRestricted, "donor-norway", -300m, "project")),
        .. Entry("pledge-amendment", "pl-1@a", 20, "p1", null,
            (Accounts.ContributionsReceivable, "donor-norway", 100m, "project"), (Accounts.ContributionRevenueRestricted, "donor-norway", -100m, "project")),
        .. Entry("contribution", "c-1", 30, "p1", null,
            (Accounts.Cash, "donor-norway", 120m, "project"), (Accounts.ContributionsReceivable, "donor-norway", -120m, "project")),
        .. Entry("disbursement", "d-1", 40, "p1", "partner-1",
            (Accounts.TransfersToPartners, "donor-a", 50m, "window"), (Accounts.Cash, "donor-a", -50m, "window"),
            (Accounts.TransfersToPartners, "donor-b", 30m, "unearmarked"), (Accounts.Cash, "donor-b", -30m, "unearmarked"),
            (Accounts.TransfersToPartners, "donor-norway", 100m, "project"), (Accounts.Cash, "donor-norway", -100m, "project")),
        .. Entry("refund", "r-1", 50, "p1", "partner-1",
            (Accounts.Cash, "donor-a", 20m, "window"), (Accounts.RefundsFromPartners, "donor-a", -20m, "window"),
            (Accounts.Cash, "donor-norway", 10m, "project"), (Accounts.RefundsFromPartners, "donor-norway", -10m, "project")),
        .. Entry("pledge-write-off", "pl-1@w", 60, "p1", null,
            (Accounts.PledgesWrittenOffRestricted, "donor-norway", 30m, "project"), (Accounts.ContributionsReceivable, "donor-norway", -30m, "project")),
        .. Entry("pledge", "pl-2", 15, "p2", null, (Accounts.ContributionsReceivable, "donor-eu", 200m, "project")).Select(l => l with { Currency = "EUR" }),
        .. Entry("fee", "c-1", 30, "p1", null, (Accounts.AdministrativeAgentFee, "donor-norway", 1.2m, "project"), (Accounts.Cash, "donor-norway", -1.2m, "project")),
    ];

    private static readonly IatiSource Source = new("fund-1", "Minamata support fund", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Lines,
        new Dictionary<string, DateOnly> { ["p1"] = new(2025, 12, 1) },
        new Dictionary<string, IatiProject> { ["p1"] = new("p1", "Retorts for Ghana", "mercury", "Mercury", "partner-1", "open") });

    private static IEnumerable<IatiLedgerLine> Entry(string sourceType, string sourceId, int day, string project, string? partner,
        params (string Account, string Donor, decimal Amount, string Kind)[] lines)
    {
        var id = Interlocked.Increment(ref entries);
        var date = new DateOnly(2026, 3, 1).AddDays(day);
        return lines.Select(l => new IatiLedgerLine(id, sourceType, sourceId, date, date, Posted.AddDays(day), $"{sourceType} {sourceId}", project, partner, "USD",
            l.Account, l.Donor, "USD", Math.Max(l.Amount, 0m), Math.Max(-l.Amount, 0m), l.Kind));
    }

    [Fact]
    public void The_export_validates_against_the_official_IATI_2_03_schema()
    {
        var problems = IatiSchema.Validate(IatiDocument.ToBytes(IatiDocument.Build(Source, Options)), Schema.Value);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_document_with_its_elements_out_of_the_schemas_order_fails_validation()
    {
        var titleAfterDescription = IatiDocument.Build(Source, Options);
        var title = titleAfterDescription.Root!.Element("iati-activity")!.Element("title")!;
        title.Remove();
        titleAfterDescription.Root!.Element("iati-activity")!.Element("description")!.AddAfterSelf(title);
        var valueLast = IatiDocument.Build(Source, Options);
        var value = valueLast.Root!.Element("iati-activity")!.Element("transaction")!.Element("value")!;
        value.Remove();
        valueLast.Root!.Element("iati-activity")!.Element("transaction")!.Add(value);

        Assert.Contains(IatiSchema.Validate(IatiDocument.ToBytes(titleAfterDescription), Schema.Value),
            p => p.Contains("invalid child element 'description'", StringComparison.Ordinal));
        Assert.Contains(IatiSchema.Validate(IatiDocument.ToBytes(valueLast), Schema.Value),
            p => p.Contains("invalid child element 'description'", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_project_is_an_activity_with_the_trustee_accountable_donors_funding_and_the_partner_implementing()
    {
        var activities = IatiDocument.Build(Source, Options).Root!.Elements("iati-activity").ToList();

        Assert.Equal(["XM-DAC-00000-fund-1-p1", "XM-DAC-00000-fund-1-p2"], activities.Select(a => a.Element("iati-identifier")!.Value));
        var p1 = activities[0];
        Assert.Equal(("USD", "en", "2026-06-30T09:30:00Z"), (p1.Attribute("default-currency")!.Value, p1.Attribute(XNamespace.Xml + "lang")!.Value,
            p1.Attribute("last-updated-datetime")!.Value));
        Assert.Equal("Retorts for Ghana", p1.Element("title")!.Element("narrative")!.Value);
        Assert.Contains("window Mercury (mercury)", p1.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal([("1", "donor-a"), ("1", "donor-b"), ("1", "donor-norway"), ("2", "The Trustee"), ("4", "partner-1")],
            p1.Elements("participating-org").Select(o => (o.Attribute("role")!.Value, o.Element("narrative")!.Value)));
        Assert.Equal("XM-DAC-00000", p1.Elements("participating-org").Single(o => o.Attribute("role")!.Value == "2").Attribute("ref")!.Value);
        Assert.DoesNotContain(p1.Elements("participating-org").Where(o => o.Attribute("role")!.Value != "2"), o => o.Attribute("ref") is not null);
        Assert.Equal(("2", "2", "2025-12-01"), (p1.Element("activity-status")!.Attribute("code")!.Value,
            p1.Element("activity-date")!.Attribute("type")!.Value, p1.Element("activity-date")!.Attribute("iso-date")!.Value));

        // p2 is not in the structure copy: named by its id, its start the date of its first entry, its pledge in its own currency.
        var p2 = activities[1];
        Assert.Equal("Project p2", p2.Element("title")!.Element("narrative")!.Value);
        Assert.Equal("2026-03-16", p2.Element("activity-date")!.Attribute("iso-date")!.Value);
        Assert.Equal(("13", "EUR", "200.00"), Single(p2));
    }

    [Fact]
    public void Transactions_show_pledges_money_in_and_transfers_out_with_their_organisations_and_earmarking_category()
    {
        var p1 = IatiDocument.Build(Source, Options).Root!.Elements("iati-activity").First();

        Assert.Equal(
        [
            ("13", "2026-03-11", "300.00", "donor-norway", "The Trustee", "3", "pledge/pl-1"),
            ("13", "2026-03-21", "100.00", "donor-norway", "The Trustee", "3", "pledge-amendment/pl-1@a"),
            ("1", "2026-03-31", "120.00", "donor-norway", "The Trustee", "3", "contribution/c-1"),
            ("1", "2026-04-10", "50.00", "donor-a", "The Trustee", "2", "disbursement/d-1"),
            ("1", "2026-04-10", "30.00", "donor-b", "The Trustee", "1", "disbursement/d-1"),
            ("3", "2026-04-10", "180.00", "The Trustee", "partner-1", "", "disbursement/d-1"),
            ("1", "2026-04-20", "-20.00", "donor-a", "The Trustee", "2", "refund/r-1"),
            ("3", "2026-04-20", "-30.00", "The Trustee", "partner-1", "", "refund/r-1"),
            ("13", "2026-04-30", "-30.00", "donor-norway", "The Trustee", "3", "pledge-write-off/pl-1@w"),
        ], p1.Elements("transaction").Select(t => (
            t.Element("transaction-type")!.Attribute("code")!.Value, t.Element("transaction-date")!.Attribute("iso-date")!.Value, t.Element("value")!.Value,
            t.Element("provider-org")!.Element("narrative")!.Value, t.Element("receiver-org")!.Element("narrative")!.Value,
            t.Element("aid-type")?.Attribute("code")!.Value ?? "", t.Attribute("ref")!.Value)));

        var transfer = p1.Elements("transaction").Single(t => t.Element("transaction-type")!.Attribute("code")!.Value == "3" && !t.Element("value")!.Value.StartsWith('-'));
        Assert.Equal(("XM-DAC-00000", "XM-DAC-00000-fund-1-p1", null), (transfer.Element("provider-org")!.Attribute("ref")!.Value,
            transfer.Element("provider-org")!.Attribute("provider-activity-id")!.Value, transfer.Element("receiver-org")!.Attribute("ref")?.Value));
        Assert.All(p1.Elements("transaction").SelectMany(t => t.Elements("aid-type")), a => Assert.Equal("2", a.Attribute("vocabulary")!.Value));
        Assert.All(p1.Elements("transaction"), t => Assert.Equal(("USD", t.Element("transaction-date")!.Attribute("iso-date")!.Value),
            (t.Element("value")!.Attribute("currency")!.Value, t.Element("value")!.Attribute("value-date")!.Value)));
    }

    [Fact]
    public void The_same_ledger_gives_the_same_bytes_dated_by_its_last_entry()
    {
        var first = IatiDocument.ToBytes(IatiDocument.Build(Source, Options));
        var second = IatiDocument.ToBytes(IatiDocument.Build(Source with { Lines = [.. Lines.Reverse()] }, Options));

        Assert.Equal(first, second);
        Assert.Equal("2026-06-30T09:30:00Z", XDocument.Load(new MemoryStream(first)).Root!.Attribute("generated-datetime")!.Value);
    }

    [Theory]
    [InlineData("XM DAC 1", "40")]
    [InlineData("XM-DAC-41114", "99")]
    [InlineData("", "40")]
    public void A_malformed_reporting_organisation_is_refused(string reference, string type)
    {
        var options = new IatiOptions { ReportingOrgRef = reference, ReportingOrgName = "Trustee", ReportingOrgType = type };

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.True(Validator.TryValidateObject(Options, new ValidationContext(Options), [], validateAllProperties: true));
    }

    private static (string Type, string Currency, string Value) Single(XElement activity)
    {
        var t = activity.Elements("transaction").Single();
        return (t.Element("transaction-type")!.Attribute("code")!.Value, t.Element("value")!.Attribute("currency")!.Value, t.Element("value")!.Value);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrustFund.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (TrustFund.sln) above the test binaries.");
    }

    [Fact]
    public void The_schema_the_service_carries_is_the_official_one_and_compiles()
    {
        var official = IatiSchema.NextTo(RepositoryRoot());
        if (Directory.Exists(official))
        {
            foreach (var file in new[] { IatiSchema.ActivitiesFile, "iati-common.xsd", "xml.xsd" })
            {
                Assert.True(File.ReadAllBytes(Path.Combine(official, file)).SequenceEqual(IatiSchema.EmbeddedFile(file)), $"{file} differs from {official}");
            }
        }
        Assert.Contains(IatiSchema.Embedded.GlobalElements.Names.Cast<System.Xml.XmlQualifiedName>(), n => n.Name == "iati-activities");
        Assert.Empty(IatiSchema.Validate(IatiDocument.ToBytes(IatiDocument.Build(Source, Options)), IatiSchema.Embedded));
    }
}
