using System.Globalization;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>The pages of one PDF statement, top to bottom: a cursor that opens a new A4 page when the next block does not fit.</summary>
internal sealed class PdfPages(PdfFile pdf, ExportDocument document)
{
    public const double Left = 50;
    public const double Width = PdfFile.PageWidth - 2 * Left;
    public const double Body = 8;
    private const double Top = 50;
    private const double Bottom = PdfFile.PageHeight - 70;
    private const double TitleSize = 15;
    private const double HeadingSize = 10.5;
    private const double Small = 6.5;

    private int page = -1;

    public double Y { get; set; }

    /// <summary>Makes room for <paramref name="height"/>; returns true when that took a new page.</summary>
    public bool Ensure(double height)
    {
        if (page >= 0 && Y + height <= Bottom)
        {
            return false;
        }
        NewPage();
        return true;
    }

    public void Heading(ExportStamp stamp)
    {
        NewPage();
        Text(document.Title, TitleSize, 22, bold: true);
        Text($"Fund: {document.FundId}", Body + 1, 13);
        Text($"Period: {document.From:yyyy-MM-dd} to {document.To:yyyy-MM-dd}", Body + 1, 13);
        if (document.Currency is not null)
        {
            Text($"Currency: {document.Currency}", Body + 1, 13);
        }
        Text($"Built from the ledger at chain position {stamp.ChainPosition}", Body + 1, 13);
        Y += 8;
    }

    public void SectionTitle(string title)
    {
        Ensure(40);
        Y += 6;
        Text(title, HeadingSize, 18, bold: true);
    }

    public void Notes(IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }
        Ensure(40);
        Y += 10;
        Text("Notes", HeadingSize, 18, bold: true);
        foreach (var note in notes)
        {
            var lines = PdfTable.Wrap(note, Body, Width);
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
            pdf.Text(page, x, y, label, Body, bold: true);
            foreach (var field in new[] { "Name", "Signature", "Date" })
            {
                y += 30;
                pdf.Line(page, x, y, x + Width / 2 - 20, y);
                pdf.Text(page, x, y + 2, field, Small);
            }
        }
        Y += height - 24;
    }

    /// <summary>Once every page exists: "Page n of m" and the generation stamp at the foot of each.</summary>
    public void Footers(ExportStamp stamp)
    {
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var y = Bottom + 22;
            pdf.Line(i, Left, y, Left + Width, y);
            pdf.Text(i, Left, y + 4, $"Generated {stamp.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC by {stamp.GeneratedBy} "
                + $"from the ledger at chain position {stamp.ChainPosition}", Small);
            pdf.Text(i, Left, y + 14, $"Ledger chain hash {stamp.ChainHash}", Small);
            pdf.Text(i, Left + Width, y + 4, $"Page {i + 1} of {pdf.PageCount}", Body, right: true);
        }
    }

    public void Cell(double x, double y, string text, bool bold, bool right) => pdf.Text(page, x, y, text, Body, bold, right);

    public void Rule(double y) => pdf.Line(page, Left, y, Left + Width, y);

    private void Text(string text, double size, double advance, bool bold = false)
    {
        pdf.Text(page, Left, Y, text, size, bold);
        Y += advance;
    }

    private void NewPage()
    {
        page = pdf.AddPage();
        Y = Top;
        if (page > 0)
        {
            pdf.Text(page, Left, Y - 20, $"{document.Title} - {document.FundId} - {document.From:yyyy-MM-dd} to {document.To:yyyy-MM-dd} (continued)", Small);
        }
    }
}
