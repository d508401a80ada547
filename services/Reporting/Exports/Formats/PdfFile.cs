using System.Globalization;
using System.Text;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>
/// A plain PDF 1.4 file of A4 pages holding text and rules, written by hand (see decision 0008): text is set in the
/// standard Courier and Courier-Bold fonts, which every PDF reader has, so nothing is embedded and every glyph is
/// 0.6 em wide (widths are exact without font metrics); content streams are not compressed and nothing is random, so
/// the same document at the same time gives the same bytes. Coordinates are in points from the page's top left.
/// </summary>
internal sealed class PdfFile
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    private readonly List<StringBuilder> pages = [];

    public int PageCount => pages.Count;

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> points: every Courier glyph is 0.6 em.</summary>
    public static double Width(string text, double size) => text.Length * 0.6 * size;

    public int AddPage()
    {
        pages.Add(new StringBuilder());
        return pages.Count - 1;
    }

    /// <summary>Text whose top is at <paramref name="top"/>; <paramref name="right"/> aligns its end at <paramref name="x"/>.</summary>
    public void Text(int page, double x, double top, string text, double size, bool bold = false, bool right = false)
    {
        var left = right ? x - Width(text, size) : x;
        pages[page].Append(CultureInfo.InvariantCulture,
            $"BT /{(bold ? "F2" : "F1")} {N(size)} Tf {N(left)} {N(PageHeight - top - size * 0.8)} Td ({Escape(text)}) Tj ET\n");
    }

    public void Line(int page, double x1, double y1, double x2, double y2, double width = 0.5) =>
        pages[page].Append(CultureInfo.InvariantCulture, $"{N(width)} w {N(x1)} {N(PageHeight - y1)} m {N(x2)} {N(PageHeight - y2)} l S\n");

    /// <summary>The whole file: catalog, page tree, the two fonts, document information, each page and its content, cross-references.</summary>
    public byte[] Save(string title, string subject, DateTimeOffset created, string fileId)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{6 + 2 * i} 0 R"))}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>",
            $"<< /Title ({Escape(title)}) /Subject ({Escape(subject)}) /Creator (TrustFund Reporting) /Producer (TrustFund Reporting) "
                + $"/CreationDate ({Date(created)}) /ModDate ({Date(created)}) >>",
        };
        foreach (var content in pages)
        {
            var stream = content.ToString();
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] "
                + $"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {objects.Count + 2} 0 R >>");
            objects.Add($"<< /Length {Encoding.Latin1.GetByteCount(stream)} >>\nstream\n{stream}endstream");
        }

        var file = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(file.ToString()));
            file.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(file.ToString());
        file.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            file.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }
        file.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R /ID [<{fileId}> <{fileId}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(file.ToString());
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => $"D:{at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z";

    /// <summary>
    /// A PDF string literal in WinAnsiEncoding (the file is written as Latin-1 bytes, one per character): Latin-1 as
    /// is, the few WinAnsi punctuation marks outside it mapped to their codes, anything else shown as '?'.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var code = c switch
            {
                '\u2014' => 0x97, '\u2013' => 0x96, '\u2018' => 0x91, '\u2019' => 0x92, '\u201C' => 0x93, '\u201D' => 0x94, '\u20AC' => 0x80, '\u2022' => 0x95,
                _ when c is >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF' => c,
                _ => '?',
            };
            if (code is '(' or ')' or '\\')
            {
                escaped.Append('\\').Append((char)code);
            }
            else if (code > 0x7E)
            {
                escaped.Append('\\').Append(Convert.ToString(code, 8).PadLeft(3, '0'));
            }
            else
            {
                escaped.Append((char)code);
            }
        }
        return escaped.ToString();
    }
}
