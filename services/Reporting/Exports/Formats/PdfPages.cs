using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>The pages of one PDF statement, top to bottom: a cursor that opens a new A4 page when the next block does not fit.</summary>
internal sealed class PdfPages(PdfDocument pdf, ExportDocument document)
{
    public const double Left = 50;
    public const double Width = 595 - 2 * Left;
    private const double Top = 50;
    private const double Bottom = 842 - 70;

    public static readonly XFont Body = Font(9, XFontStyleEx.Regular);
    public static readonly XFont BodyBold = Font(9, XFontStyleEx.Bold);
    private static readonly XFont TitleFont = Font(16, XFontStyleEx.Bold);
    private static readonly XFont HeadingFont = Font(11, XFontStyleEx.Bold);
    private static readonly XFont Small = Font(7, XFontStyleEx.Regular);
    public static readonly XPen Rule = new(XColors.Black, 0.5);

    private readonly List<PdfPage> pages = [];

    /// <summary>Unicode (Identity-H with a ToUnicode map): any name prints, and the text copies and extracts as written.</summary>
    private static XFont Font(double size, XFontStyleEx style) =>
        new(ExportFonts.Family, size, style, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode));
    private XGraphics? graphics;

    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page open.");

    public double Y { get; set; }

    /// <summary>Makes room for <paramref name="height"/>; returns true when that took a new page.</summary>
    public bool Ensure(double height)
    {
        if (graphics is not null && Y + height <= Bottom)
        {
            return false;
        }
        NewPage();
        return true;
    }

    public void Heading(ExportStamp stamp)
    {
        NewPage();
        Text(document.Title, TitleFont, 22);
        Text($"Fund: {document.FundId}", Body, 13);
        Text($"Period: {document.From:yyyy-MM-dd} to {document.To:yyyy-MM-dd}", Body, 13);
        if (document.Currency is not null)
        {
            Text($"Currency: {document.Currency}", Body, 13);
        }
        Text($"Built from the ledger at chain position {stamp.ChainPosition}", Body, 13);
        Y += 8;
    }

    public void SectionTitle(string title)
    {
        Ensure(40);
        Y += 6;
        Text(title, HeadingFont, 18);
    }

    public void Notes(IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }
        Ensure(40);
        Y += 10;
        Text("Notes", HeadingFont, 18);
        foreach (var note in notes)
        {
            var lines = PdfTable.Wrap(Graphics, note, Body, Width);
            Ensure(lines.Count * 12);
            foreach (var line in lines)
            {
                Text(line, Body, 12);
            }
        }
    }

    /// <summary>Two blocks side by side, each with a line for the name, the signature and the date.</summary>
    public void Signatures()
    {
        const double height = 130;
        Ensure(height);
        Y += 24;
        foreach (var (label, x) in new[] { ("Prepared by (finance)", Left), ("Certified by", Left + Width / 2 + 10) })
        {
            var y = Y;
            Graphics.DrawString(label, BodyBold, XBrushes.Black, new XRect(x, y, Width / 2 - 10, 12), XStringFormats.TopLeft);
            foreach (var field in new[] { "Name", "Signature", "Date" })
            {
                y += 30;
                Graphics.DrawLine(Rule, x, y, x + Width / 2 - 20, y);
                Graphics.DrawString(field, Small, XBrushes.Black, new XRect(x, y + 2, Width / 2 - 20, 9), XStringFormats.TopLeft);
            }
        }
        Y += height - 24;
    }

    /// <summary>Once every page exists: "Page n of m" and the generation stamp at the foot of each.</summary>
    public void Footers(ExportStamp stamp)
    {
        graphics?.Dispose();
        graphics = null;
        for (var i = 0; i < pages.Count; i++)
        {
            using var g = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            var y = Bottom + 22;
            g.DrawLine(Rule, Left, y, Left + Width, y);
            var generated = $"Generated {stamp.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC by {stamp.GeneratedBy} "
                + $"from the ledger at chain position {stamp.ChainPosition}";
            g.DrawString(generated, Small, XBrushes.Black, new XRect(Left, y + 4, Width - 70, 9), XStringFormats.TopLeft);
            g.DrawString($"Ledger chain hash {stamp.ChainHash}", Small, XBrushes.Black, new XRect(Left, y + 14, Width - 70, 9), XStringFormats.TopLeft);
            g.DrawString($"Page {i + 1} of {pages.Count}", Body, XBrushes.Black, new XRect(Left, y + 4, Width, 11), XStringFormats.TopRight);
        }
    }

    private void Text(string text, XFont font, double advance)
    {
        Graphics.DrawString(text, font, XBrushes.Black, new XRect(Left, Y, Width, advance), XStringFormats.TopLeft);
        Y += advance;
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        pages.Add(page);
        graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        if (pages.Count > 1)
        {
            Graphics.DrawString($"{document.Title} — {document.FundId} — {document.From:yyyy-MM-dd} to {document.To:yyyy-MM-dd} (continued)",
                Small, XBrushes.Black, new XRect(Left, Y - 20, Width, 9), XStringFormats.TopLeft);
        }
    }
}
