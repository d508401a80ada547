using System.Globalization;

namespace TrustFund.Reporting.Exports;

/// <summary>
/// A statement laid out for export, independent of the format: every statement maps to it once and every format
/// renders any document. Amounts stay decimals until a renderer writes them with their currency's decimals.
/// </summary>
public sealed record ExportDocument(
    string Statement, string Title, string FundId, DateOnly From, DateOnly To, string? Currency,
    IReadOnlyList<ExportSection> Sections, IReadOnlyList<string> Notes)
{
    /// <summary>An amount in a note: thousands grouped, the currency's decimals.</summary>
    public static string Amount(decimal value, string currency) =>
        value.ToString($"N{TrustFund.Contracts.Amounts.Currency.FromCode(currency.Trim()).MinorUnits}", CultureInfo.InvariantCulture) + " " + currency.Trim();
}

/// <summary>One table; <see cref="Currency"/> gives the decimals of its amount columns (a section without one shows amounts with two).</summary>
public sealed record ExportSection(string Title, string? Currency, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<ExportRow> Rows)
{
    public int AmountDecimals => Currency is null ? 2 : TrustFund.Contracts.Amounts.Currency.FromCode(Currency).MinorUnits;

    /// <summary>Decimals of a numeric cell in a column: the currency's for amounts, two for percentages.</summary>
    public int DecimalsOf(ExportColumn column) => column.Kind == ColumnKind.Percent ? 2 : AmountDecimals;

    /// <summary>A numeric cell as written in text formats: invariant culture, fixed decimals, no thousands separator.</summary>
    public string Format(ExportColumn column, decimal value) => value.ToString($"F{DecimalsOf(column)}", CultureInfo.InvariantCulture);
}

public enum ColumnKind
{
    Text,
    Amount,
    Percent,
}

public sealed record ExportColumn(string Header, ColumnKind Kind = ColumnKind.Text)
{
    public bool IsNumeric => Kind != ColumnKind.Text;
}

/// <summary>A line of a table; a total (or subtotal) is shown in bold and set apart.</summary>
public sealed record ExportRow(IReadOnlyList<ExportCell> Cells, bool IsTotal = false)
{
    public static ExportRow Line(params ExportCell[] cells) => new(cells);

    public static ExportRow Total(params ExportCell[] cells) => new(cells, IsTotal: true);
}

/// <summary>A cell holds text, a number, or nothing.</summary>
public readonly record struct ExportCell(string? Text, decimal? Number)
{
    public static readonly ExportCell Empty = new(null, null);

    public static implicit operator ExportCell(string text) => new(text, null);

    public static implicit operator ExportCell(decimal number) => new(null, number);

    public static ExportCell FromString(string text) => new(text, null);

    public static ExportCell FromDecimal(decimal number) => new(null, number);
}
