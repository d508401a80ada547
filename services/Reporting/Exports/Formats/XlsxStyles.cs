using DocumentFormat.OpenXml.Spreadsheet;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>The workbook's few styles: plain, bold, title, and numbers with 0 to 4 decimals, plain or bold.</summary>
internal static class XlsxStyles
{
    public const uint Plain = 0;
    public const uint Bold = 1;
    public const uint Title = 2;
    private const uint FirstNumber = 3;
    private const int MaxDecimals = 4;

    /// <summary>The style of a number with <paramref name="decimals"/> decimals (thousands grouped on screen only; the value is exact).</summary>
    public static uint Number(int decimals, bool bold) => FirstNumber + (uint)(Math.Clamp(decimals, 0, MaxDecimals) * 2 + (bold ? 1 : 0));

    public static Stylesheet Stylesheet()
    {
        var formats = Enumerable.Range(0, MaxDecimals + 1)
            .Select(d => new NumberingFormat { NumberFormatId = (uint)(164 + d), FormatCode = d == 0 ? "#,##0" : $"#,##0.{new string('0', d)}" });
        var numberCells = Enumerable.Range(0, MaxDecimals + 1).SelectMany(d => new[] { false, true }.Select(bold => new CellFormat
        {
            NumberFormatId = (uint)(164 + d), FontId = bold ? 1u : 0u, ApplyNumberFormat = true, ApplyFont = bold,
        }));
        return new Stylesheet(
            new NumberingFormats([.. formats]) { Count = MaxDecimals + 1 },
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 14 })) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellFormats([
                new CellFormat { FontId = 0 },
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { FontId = 2, ApplyFont = true },
                .. numberCells,
            ]) { Count = FirstNumber + (MaxDecimals + 1) * 2 });
    }
}
