using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>
/// A statement a person signs: title, fund, period and currency; each section's table with its totals, flowing over
/// as many A4 pages as it needs (the table's header repeated); notes; lines for "Prepared by (finance)" and "Certified
/// by"; and on every page "Page n of m" and a footer with the generation time and the ledger chain hash.
/// </summary>
public sealed class PdfRenderer : IExportRenderer
{
    public string Format => "pdf";

    public string MediaType => "application/pdf";

    public string Extension => "pdf";

    public byte[] Render(ExportDocument document, ExportStamp stamp)
    {
        var pdf = new PdfFile();
        var pages = new PdfPages(pdf, document);
        pages.Heading(stamp);
        foreach (var section in document.Sections)
        {
            new PdfTable(pages, section).Draw();
        }
        pages.Notes(document.Notes);
        pages.Signatures();
        pages.Footers(stamp);
        return pdf.Save($"{document.Title} - {document.FundId} - {document.From:yyyy-MM-dd} to {document.To:yyyy-MM-dd}",
            $"Ledger chain position {stamp.ChainPosition}, hash {stamp.ChainHash}", stamp.GeneratedAt, Identifier(document, stamp));
    }

    /// <summary>The PDF's file identifier, from what the file describes rather than a random one.</summary>
    private static string Identifier(ExportDocument document, ExportStamp stamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', document.Statement, document.FundId,
            document.From.ToString("O", CultureInfo.InvariantCulture), document.To.ToString("O", CultureInfo.InvariantCulture),
            stamp.GeneratedAt.ToString("O", CultureInfo.InvariantCulture), stamp.ChainHash))))[..32];
}
