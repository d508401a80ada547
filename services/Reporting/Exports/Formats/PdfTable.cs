using System.Globalization;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>One section's table in the PDF: columns sized to their content, text wrapped (never cut), rows flowing over pages.</summary>
internal sealed class PdfTable(PdfPages pages, ExportSection section)
{
    private const double Pad = 4;
    private const double LineHeight = 11;

    public void Draw()
    {
        pages.SectionTitle(section.Title);
        var widths = Widths();
        Header(widths);
        foreach (var row in section.Rows)
        {
            var cells = section.Columns.Select((c, i) => Wrap(Shown(c, i < row.Cells.Count ? row.Cells[i] : ExportCell.Empty), PdfPages.Body, widths[i] - 2 * Pad)).ToList();
            var height = cells.Max(c => c.Count) * LineHeight + 3;
            if (pages.Ensure(height + (row.IsTotal ? 3 : 0)))
            {
                pages.SectionTitle($"{section.Title} (continued)");
                Header(widths);
            }
            if (row.IsTotal)
            {
                pages.Y += 2;
                pages.Rule(pages.Y);
                pages.Y += 1;
            }
            Cells(widths, cells, row.IsTotal);
            pages.Y += height;
        }
        pages.Y += 6;
    }

    private void Header(double[] widths)
    {
        var cells = section.Columns.Select((c, i) => Wrap(c.Header, PdfPages.Body, widths[i] - 2 * Pad)).ToList();
        var height = cells.Max(c => c.Count) * LineHeight + 3;
        Cells(widths, cells, bold: true);
        pages.Y += height;
        pages.Rule(pages.Y);
        pages.Y += 2;
    }

    private void Cells(double[] widths, List<IReadOnlyList<string>> cells, bool bold)
    {
        var x = PdfPages.Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var right = section.Columns[i].IsNumeric;
            for (var l = 0; l < cells[i].Count; l++)
            {
                pages.Cell(right ? x + widths[i] - Pad : x + Pad, pages.Y + 1 + l * LineHeight, cells[i][l], bold, right);
            }
            x += widths[i];
        }
    }

    /// <summary>For a reader: thousands grouped, the currency's decimals.</summary>
    private string Shown(ExportColumn column, ExportCell cell) =>
        cell.Number is { } n ? n.ToString($"N{section.DecimalsOf(column)}", CultureInfo.InvariantCulture) : cell.Text ?? "";

    /// <summary>Numeric columns as wide as their widest figure; text columns share the rest in proportion to their content.</summary>
    private double[] Widths()
    {
        double Natural(int i) => section.Rows.Select(r => i < r.Cells.Count ? Shown(section.Columns[i], r.Cells[i]) : "")
            .Append(section.Columns[i].Header).Max(t => PdfFile.Width(t, PdfPages.Body)) + 2 * Pad + 1;
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
    public static IReadOnlyList<string> Wrap(string text, double size, double width)
    {
        var fits = Math.Max(1, (int)Math.Floor(width / PdfFile.Width("M", size)));
        var lines = new List<string>();
        var line = "";
        foreach (var token in Tokens(text))
        {
            var candidate = line + token;
            if (line.Length == 0 || candidate.TrimEnd().Length <= fits)
            {
                line = candidate;
                continue;
            }
            lines.Add(line.TrimEnd());
            line = token.TrimStart();
        }
        lines.Add(line.TrimEnd());
        return [.. lines.SelectMany(l => l.Chunk(fits).Select(c => new string(c)).DefaultIfEmpty(""))];
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
}
