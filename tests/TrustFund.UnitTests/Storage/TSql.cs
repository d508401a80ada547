using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace TrustFund.UnitTests.Storage;

/// <summary>
/// What can be known of a T-SQL file without a SQL Server: whether SQL Server 2022's parser (TSql160Parser) accepts
/// it, which parameters it takes, and whether it uses a PostgreSQL function or a type unfit for money.
/// </summary>
internal sealed record TSql(IReadOnlyList<string> Errors, IReadOnlySet<string> Parameters, IReadOnlyList<string> Misuses)
{
    /// <summary>PostgreSQL functions T-SQL would parse as calls to functions it does not have.</summary>
    private static readonly HashSet<string> PostgresFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "now", "date_trunc", "unnest", "array_agg", "json_agg", "jsonb_agg", "json_build_object", "jsonb_build_object",
        "to_regclass", "gen_random_uuid", "generate_series", "extract", "to_char", "to_jsonb", "row_to_json",
        "array_length", "cardinality", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
    };

    public static TSql Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var parseErrors);
        var errors = parseErrors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        if (errors.Count > 0 || fragment is null)
        {
            return new TSql(errors, new HashSet<string>(), []);
        }
        var visitor = new Visitor();
        fragment.Accept(visitor);
        var parameters = visitor.Referenced.Except(visitor.Declared, StringComparer.OrdinalIgnoreCase)
            .ToHashSet(StringComparer.Ordinal);
        return new TSql(errors, parameters, visitor.Misuses);
    }

    private sealed class Visitor : TSqlFragmentVisitor
    {
        public HashSet<string> Referenced { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Misuses { get; } = [];

        public override void Visit(VariableReference node) => Referenced.Add(node.Name.TrimStart('@'));

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value.TrimStart('@'));

        public override void Visit(DeclareTableVariableBody node) => Declared.Add(node.VariableName.Value.TrimStart('@'));

        /// <summary><c>EXEC p @Resource = @Key</c>: <c>@Resource</c> names the procedure's parameter, only <c>@Key</c> is ours.</summary>
        public override void ExplicitVisit(ExecuteParameter node) => node.ParameterValue?.Accept(this);

        public override void Visit(FunctionCall node)
        {
            if (PostgresFunctions.Contains(node.FunctionName.Value))
            {
                Misuses.Add($"line {node.StartLine}: {node.FunctionName.Value}() is a PostgreSQL function");
            }
        }

        public override void Visit(SqlDataTypeReference node)
        {
            switch (node.SqlDataTypeOption)
            {
                case SqlDataTypeOption.Float or SqlDataTypeOption.Real:
                    Misuses.Add($"line {node.StartLine}: floating point ({node.SqlDataTypeOption}) has no place near money");
                    break;
                case SqlDataTypeOption.Money or SqlDataTypeOption.SmallMoney:
                    Misuses.Add($"line {node.StartLine}: {node.SqlDataTypeOption} fixes four decimals and rounds; use decimal(p,s)");
                    break;
                case SqlDataTypeOption.Text or SqlDataTypeOption.NText or SqlDataTypeOption.Image:
                    Misuses.Add($"line {node.StartLine}: {node.SqlDataTypeOption} is deprecated; use nvarchar(max) or varbinary(max)");
                    break;
                case SqlDataTypeOption.Decimal or SqlDataTypeOption.Numeric when node.Parameters.Count != 2:
                    Misuses.Add($"line {node.StartLine}: {node.SqlDataTypeOption} without (precision, scale) is decimal(18,0) and drops the cents");
                    break;
                case SqlDataTypeOption.DateTime or SqlDataTypeOption.SmallDateTime:
                    Misuses.Add($"line {node.StartLine}: {node.SqlDataTypeOption} has no offset and rounds; use datetimeoffset or datetime2");
                    break;
            }
        }

        /// <summary>
        /// <c>a::numeric</c> parses in T-SQL as a member of a CLR type (<c>geography::Point</c>); no TrustFund table has
        /// a CLR type, so it can only be a PostgreSQL cast that slipped through.
        /// </summary>
        public override void Visit(UserDefinedTypePropertyAccess node) =>
            Misuses.Add($"line {node.StartLine}: '::' is a PostgreSQL cast; use CAST(x AS type)");

        public override void Visit(UserDefinedTypeCallTarget node) =>
            Misuses.Add($"line {node.StartLine}: '::' is a PostgreSQL cast; use CAST(x AS type)");

        public override void Visit(UserDataTypeReference node)
        {
            var name = node.Name.BaseIdentifier.Value;
            if (!string.Equals(name, "sysname", StringComparison.OrdinalIgnoreCase))
            {
                Misuses.Add($"line {node.StartLine}: '{name}' is not a SQL Server type");
            }
        }
    }
}
