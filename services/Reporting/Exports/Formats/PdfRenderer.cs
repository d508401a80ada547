using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>
/// A statement a person signs: title, fund, period and currency; each section's table with its totals, flowing over
/// as many A4 pages as it needs (the table's header repeated); notes; lines for "Prepared by (finance)" and "Certified
/// by"; and on every page "Page n of m" and a footer with the generation time and the ledger chain hash.
/// </summary>
public sealed partial class PdfRenderer : IExportRenderer
{
    static PdfRenderer()
    {
        // PDFsharp 6.5 refuses to work until a licence is chosen; the AGPL one is the free one (see the README's Exports).
        PdfSharpLicense.SetAgplLicense();
        GlobalFontSettings.FontResolver ??= new ExportFonts();
    }

    public string Format => "pdf";

    public string MediaType => "application/pdf";

    public string Extension => "pdf";

    public byte[] Render(ExportDocument document, ExportStamp stamp)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{document.Title} — {document.FundId} — {document.From:yyyy-MM-dd} to {document.To:yyyy-MM-dd}";
        pdf.Info.Creator = "TrustFund Reporting";
        pdf.Info.Subject = $"Ledger chain position {stamp.ChainPosition}, hash {stamp.ChainHash}";
        pdf.Info.CreationDate = stamp.GeneratedAt.UtcDateTime;
        pdf.Info.ModificationDate = stamp.GeneratedAt.UtcDateTime;
        pdf.Options.CompressContentStreams = true;
        var id = Identifier(document, stamp);
        pdf.Internals.FirstDocumentID = id;
        pdf.Internals.SecondDocumentID = id;

        var pages = new PdfPages(pdf, document);
        pages.Heading(stamp);
        foreach (var section in document.Sections)
        {
            new PdfTable(pages, section).Draw();
        }
        pages.Notes(document.Notes);
        pages.Signatures();
        pages.Footers(stamp);

        using var buffer = new MemoryStream();
        pdf.Save(buffer, closeStream: false);
        return Deterministic(buffer.ToArray(), Guid.ParseExact(id, "N"));
    }

    /// <summary>
    /// PDFsharp draws two things at random: the six capitals tagging each embedded font subset ("QCMBPQ+DejaVu...")
    /// and the XMP metadata's document and instance uuids. The PDF specification asks only for six capitals that differ
    /// between subsets, so each tag becomes, in order of first appearance, a fixed one of the same length, and both uuids
    /// become the document's own identifier. Same lengths keep every byte offset valid; the same document at the same
    /// generation time gives the same bytes.
    /// </summary>
    private static byte[] Deterministic(byte[] pdf, Guid documentId)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = SubsetTag().Matches(text).Select(m => m.Groups["tag"].Value).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (tag, index) in tags.Select((t, i) => (t, i)))
        {
            text = text.Replace($"/{tag}+", $"/TFEXP{(char)('A' + index % 26)}+", StringComparison.Ordinal);
        }
        text = XmpUuid().Replace(text, m => $"{m.Groups["element"].Value}uuid:{documentId:D}");
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex(@"/(?<tag>[A-Z]{6})\+DejaVu", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(?<element><xmpMM:(DocumentID|InstanceID)>)uuid:[0-9a-fA-F-]{36}", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuid();

    /// <summary>The PDF's file identifier, from what the file describes rather than a random one.</summary>
    private static string Identifier(ExportDocument document, ExportStamp stamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', document.Statement, document.FundId,
            document.From.ToString("O", CultureInfo.InvariantCulture), document.To.ToString("O", CultureInfo.InvariantCulture),
            stamp.GeneratedAt.ToString("O", CultureInfo.InvariantCulture), stamp.ChainHash))))[..32];
}
