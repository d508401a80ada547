using System.Globalization;
using PdfSharp.Drawing;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>One section's table in the PDF: columns sized to their content, text wrapped (never cut), rows flowing over pages.</summary>
internal sealed class PdfTable(PdfPages pages, ExportSection section)
{
    private const double Pad = 4;
    private const double LineHeight = 12;

    public void Draw()
    {
        pages.SectionTitle(section.Title);
        var widths = Widths();
        Header(widths);
        foreach (var row in section.Rows)
        {
            var cells = section.Columns.Select((c, i) => Lines(c, i < row.Cells.Count ? row.Cells[i] : ExportCell.Empty, widths[i], row.IsTotal)).ToList();
            var height = cells.Max(c => c.Count) * LineHeight + 3;
            if (pages.Ensure(height + (row.IsTotal ? 3 : 0)))
            {
                pages.SectionTitle($"{section.Title} (continued)");
                Header(widths);
            }
            if (row.IsTotal)
            {
                pages.Y += 2;
                pages.Graphics.DrawLine(PdfPages.Rule, PdfPages.Left, pages.Y, PdfPages.Left + PdfPages.Width, pages.Y);
                pages.Y += 1;
            }
            Cells(widths, cells, row.IsTotal ? PdfPages.BodyBold : PdfPages.Body);
            pages.Y += height;
        }
        pages.Y += 6;
    }

    private void Header(double[] widths)
    {
        var cells = section.Columns.Select((c, i) => Wrap(pages.Graphics, c.Header, PdfPages.BodyBold, widths[i] - 2 * Pad)).ToList();
        var height = cells.Max(c => c.Count) * LineHeight + 3;
        Cells(widths, cells, PdfPages.BodyBold);
        pages.Y += height;
        pages.Graphics.DrawLine(PdfPages.Rule, PdfPages.Left, pages.Y, PdfPages.Left + PdfPages.Width, pages.Y);
        pages.Y += 2;
    }

    private void Cells(double[] widths, List<IReadOnlyList<string>> cells, XFont font)
    {
        var x = PdfPages.Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var format = section.Columns[i].IsNumeric ? XStringFormats.TopRight : XStringFormats.TopLeft;
            for (var l = 0; l < cells[i].Count; l++)
            {
                pages.Graphics.DrawString(cells[i][l], font, XBrushes.Black, new XRect(x + Pad, pages.Y + 1 + l * LineHeight, widths[i] - 2 * Pad, LineHeight), format);
            }
            x += widths[i];
        }
    }

    private IReadOnlyList<string> Lines(ExportColumn column, ExportCell cell, double width, bool bold) =>
        Wrap(pages.Graphics, Shown(column, cell), bold ? PdfPages.BodyBold : PdfPages.Body, width - 2 * Pad);

    /// <summary>For a reader: thousands grouped, the currency's decimals.</summary>
    private string Shown(ExportColumn column, ExportCell cell) =>
        cell.Number is { } n ? n.ToString($"N{section.DecimalsOf(column)}", CultureInfo.InvariantCulture) : cell.Text ?? "";

    /// <summary>Numeric columns as wide as their widest figure; text columns share the rest in proportion to their content.</summary>
    private double[] Widths()
    {
        var g = pages.Graphics;
        double Natural(int i) => section.Rows.Select(r => i < r.Cells.Count ? Shown(section.Columns[i], r.Cells[i]) : "")
            .Append(section.Columns[i].Header).Max(t => g.MeasureString(t, PdfPages.BodyBold).Width) + 2 * Pad + 1;
        var widths = section.Columns.Select((c, i) => c.IsNumeric ? Math.Max(60, Natural(i)) : Natural(i)).ToArray();
        var text = Enumerable.Range(0, widths.Length).Where(i => !section.Columns[i].IsNumeric).ToList();
        var room = PdfPages.Width - Enumerable.Range(0, widths.Length).Where(i => section.Columns[i].IsNumeric).Sum(i => widths[i]);
        var wanted = text.Sum(i => widths[i]);
        foreach (var i in text)
        {
            widths[i] *= wanted > room ? room / wanted : 1;
        }
        if (text.Count > 0 && wanted < room)
        {
            widths[text[0]] += room - wanted;
        }
        return widths;
    }

    /// <summary>Breaks text into lines that fit, at spaces or after hyphens, or anywhere when one word is too long.</summary>
    public static IReadOnlyList<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var token in Tokens(text))
        {
            var candidate = line + token;
            if (line.Length == 0 || g.MeasureString(candidate.TrimEnd(), font).Width <= width)
            {
                line = candidate;
                continue;
            }
            lines.Add(line.TrimEnd());
            line = token.TrimStart();
        }
        lines.Add(line.TrimEnd());
        return [.. lines.SelectMany(l => Split(g, l, font, width))];
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '-')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static IEnumerable<string> Split(XGraphics g, string line, XFont font, double width)
    {
        while (line.Length > 1 && g.MeasureString(line, font).Width > width)
        {
            var n = line.Length - 1;
            while (n > 1 && g.MeasureString(line[..n], font).Width > width)
            {
                n--;
            }
            yield return line[..n];
            line = line[n..];
        }
        yield return line;
    }
}
