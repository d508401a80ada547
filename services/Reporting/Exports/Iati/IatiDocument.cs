using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;

namespace TrustFund.Reporting.Exports.Iati;

/// <summary>
/// Builds the IATI activity XML (2.03) of a fund from what the ledger says: one activity per project, its transactions
/// derived from journal entries. Elements follow the order the schema's sequences demand. The same source gives the
/// same bytes: every date and time in it comes from the ledger.
/// </summary>
public static class IatiDocument
{
    public const string Version = "2.03";

    private static readonly XNamespace Xml = XNamespace.Xml;

    public static XDocument Build(IatiSource source, IatiOptions options)
    {
        if (source.Lines.Count == 0)
        {
            throw new InvalidOperationException($"Fund {source.FundId} has no ledger entry for a project posted between {source.From:yyyy-MM-dd} and {source.To:yyyy-MM-dd}.");
        }
        var transactions = IatiTransactions.Of(source.Lines).ToLookup(t => t.ProjectId);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("iati-activities",
                new XAttribute("version", Version),
                new XAttribute("generated-datetime", DateTime(source.Lines.Max(l => l.PostedAt))),
                source.ProjectIds.Select(p => Activity(source, options, p, [.. transactions[p]]))));
    }

    /// <summary>UTF-8 without a byte order mark, indented.</summary>
    public static byte[] ToBytes(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return stream.ToArray();
    }

    public static string Identifier(IatiOptions options, string fundId, string projectId) => $"{options.ReportingOrgRef}-{fundId}-{projectId}";

    private static XElement Activity(IatiSource source, IatiOptions options, string projectId, IReadOnlyList<IatiTransaction> transactions)
    {
        var lines = source.Lines.Where(l => l.ProjectId == projectId).ToList();
        var project = source.Projects.GetValueOrDefault(projectId) ?? new IatiProject(projectId, null, null, null, null, null);
        var identifier = Identifier(options, source.FundId, projectId);
        var donors = transactions.Where(t => t.Incoming).Select(t => t.Counterpart).Distinct().Order(StringComparer.Ordinal);
        var partners = transactions.Where(t => !t.Incoming).Select(t => t.Counterpart).Append(project.PartnerId).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var start = source.FirstEntryDates.TryGetValue(projectId, out var first) ? first : lines.Min(l => l.ValueDate);
        return new XElement("iati-activity",
            new XAttribute("last-updated-datetime", DateTime(lines.Max(l => l.PostedAt))),
            new XAttribute(Xml + "lang", options.Language),
            new XAttribute("default-currency", lines[0].BaseCurrency.Trim()),
            new XElement("iati-identifier", identifier),
            new XElement("reporting-org", new XAttribute("ref", options.ReportingOrgRef), new XAttribute("type", options.ReportingOrgType),
                Narrative(options.ReportingOrgName)),
            new XElement("title", Narrative(project.Name ?? $"Project {projectId}")),
            new XElement("description", new XAttribute("type", "1"), Narrative(Description(source, options, project))),
            donors.Select(d => Participant("1", d)),
            new XElement("participating-org", new XAttribute("ref", options.ReportingOrgRef), new XAttribute("type", options.ReportingOrgType),
                new XAttribute("role", "2"), Narrative(options.ReportingOrgName)),
            partners.Select(p => Participant("4", p)),
            // Open: implementation (2); closed to new money: finalisation (3), refunds may still come back.
            new XElement("activity-status", new XAttribute("code", project.Status == StructureStatuses.Closed ? "3" : "2")),
            new XElement("activity-date", new XAttribute("type", "2"), new XAttribute("iso-date", Date(start))),
            transactions.Select(t => Transaction(t, options, identifier)));
    }

    private static string Description(IatiSource source, IatiOptions options, IatiProject project)
    {
        var window = project.WindowId is null ? "" : $", window {project.WindowName ?? project.WindowId} ({project.WindowId})";
        var partner = project.PartnerId is null ? "" : $", implemented by {project.PartnerId}";
        return $"Project {project.ProjectId} of the multi-donor trust fund {source.FundName ?? source.FundId} ({source.FundId}){window}{partner}; "
               + $"administered by {options.ReportingOrgName}. Transactions as posted in the fund's ledger from {Date(source.From)} to {Date(source.To)}.";
    }

    private static XElement Participant(string role, string name) => new("participating-org", new XAttribute("role", role), Narrative(name));

    /// <summary>
    /// transaction-type, transaction-date, value, description, provider-org, receiver-org, aid-type: the schema's order.
    /// The trustee's side names this activity, so the chain from donor to partner links through it.
    /// </summary>
    private static XElement Transaction(IatiTransaction t, IatiOptions options, string identifier)
    {
        object[] counterpart = [Narrative(t.Counterpart)];
        object[] trustee =
        [
            new XAttribute("ref", options.ReportingOrgRef), new XAttribute(t.Incoming ? "receiver-activity-id" : "provider-activity-id", identifier),
            new XAttribute("type", options.ReportingOrgType), Narrative(options.ReportingOrgName),
        ];
        return new XElement("transaction",
            new XAttribute("ref", $"{t.SourceType}/{t.SourceId}"),
            new XElement("transaction-type", new XAttribute("code", t.Type.ToString(CultureInfo.InvariantCulture))),
            new XElement("transaction-date", new XAttribute("iso-date", Date(t.Date))),
            new XElement("value", new XAttribute("currency", t.Currency), new XAttribute("value-date", Date(t.Date)),
                Money.Normalise(t.Value, t.Currency).ToString(CultureInfo.InvariantCulture)),
            new XElement("description", Narrative(t.Description)),
            new XElement("provider-org", t.Incoming ? counterpart : trustee),
            new XElement("receiver-org", t.Incoming ? trustee : counterpart),
            t.EarmarkingCategory is { } category
                ? new XElement("aid-type", new XAttribute("code", category.ToString(CultureInfo.InvariantCulture)), new XAttribute("vocabulary", "2"))
                : null);
    }

    private static XElement Narrative(string text) => new("narrative", text);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
