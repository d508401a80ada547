using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace TrustFund.IntegrationTests.Storage.Stores;

/// <summary>A column as both dialects can describe it: a portable type name, decimal precision and scale, nullability.</summary>
public sealed record SchemaColumn(string Table, string Column, string Type, int? Precision, int? Scale, bool Nullable)
{
    public override string ToString() =>
        $"{Table}.{Column} {Type}{(Precision is null ? "" : $"({Precision},{Scale})")}{(Nullable ? " NULL" : " NOT NULL")}";
}

/// <summary>
/// The tables and columns a sequence of T-SQL migrations leaves behind, read with SQL Server's own parser (CREATE
/// TABLE, ALTER TABLE ADD / ALTER COLUMN / DROP COLUMN, DROP TABLE), in the portable terms of <see cref="SchemaColumn"/>.
/// </summary>
public static class TSqlSchema
{
    public static IReadOnlyList<SchemaColumn> Build(IEnumerable<string> migrations)
    {
        var tables = new Dictionary<string, Dictionary<string, SchemaColumn>>(StringComparer.OrdinalIgnoreCase);
        foreach (var sql in migrations)
        {
            var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"T-SQL does not parse: {errors[0].Message} (line {errors[0].Line})");
            }
            foreach (var statement in ((TSqlScript)fragment).Batches.SelectMany(b => b.Statements))
            {
                Apply(tables, statement);
            }
        }
        return [.. tables.Values.SelectMany(t => t.Values).OrderBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal)];
    }

    private static void Apply(Dictionary<string, Dictionary<string, SchemaColumn>> tables, TSqlStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create:
            {
                var table = create.SchemaObjectName.BaseIdentifier.Value;
                var keyColumns = create.Definition.TableConstraints.OfType<UniqueConstraintDefinition>()
                    .Where(u => u.IsPrimaryKey).SelectMany(u => u.Columns)
                    .Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
                tables[table] = create.Definition.ColumnDefinitions
                    .Select(c => Column(table, c, keyColumns.Contains(c.ColumnIdentifier.Value)))
                    .ToDictionary(c => c.Column, StringComparer.OrdinalIgnoreCase);
                break;
            }
            case AlterTableAddTableElementStatement add:
            {
                var table = add.SchemaObjectName.BaseIdentifier.Value;
                foreach (var c in add.Definition.ColumnDefinitions)
                {
                    tables[table][c.ColumnIdentifier.Value] = Column(table, c, false);
                }
                break;
            }
            case AlterTableAlterColumnStatement alter when alter.DataType is not null:
            {
                var table = alter.SchemaObjectName.BaseIdentifier.Value;
                var (type, precision, scale) = Type(alter.DataType);
                // ALTER COLUMN without NULL or NOT NULL makes the column nullable, whatever it was.
                var nullable = alter.AlterTableAlterColumnOption != AlterTableAlterColumnOption.NotNull;
                tables[table][alter.ColumnIdentifier.Value] = new SchemaColumn(table, alter.ColumnIdentifier.Value, type, precision, scale, nullable);
                break;
            }
            case AlterTableDropTableElementStatement drop:
            {
                var table = drop.SchemaObjectName.BaseIdentifier.Value;
                foreach (var element in drop.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
                {
                    tables[table].Remove(element.Name.Value);
                }
                break;
            }
            case DropTableStatement dropTable:
                foreach (var name in dropTable.Objects)
                {
                    tables.Remove(name.BaseIdentifier.Value);
                }
                break;
        }
    }

    private static SchemaColumn Column(string table, ColumnDefinition c, bool inTableKey)
    {
        var (type, precision, scale) = Type(c.DataType);
        var notNull = inTableKey || c.IdentityOptions is not null
            || c.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey)
            || c.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable);
        return new SchemaColumn(table, c.ColumnIdentifier.Value, type, precision, scale, !notNull);
    }

    private static (string Type, int? Precision, int? Scale) Type(DataTypeReference type)
    {
        if (type is not SqlDataTypeReference sql)
        {
            return (type.Name.BaseIdentifier.Value.ToLowerInvariant(), null, null);
        }
        int? Arg(int i) => sql.Parameters.Count > i && int.TryParse(sql.Parameters[i].Value, out var v) ? v : null;
        return sql.SqlDataTypeOption switch
        {
            SqlDataTypeOption.Decimal or SqlDataTypeOption.Numeric => ("decimal", Arg(0), Arg(1)),
            SqlDataTypeOption.NVarChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.Char => ("text", null, null),
            SqlDataTypeOption.Int => ("int", null, null),
            SqlDataTypeOption.BigInt => ("bigint", null, null),
            SqlDataTypeOption.SmallInt => ("smallint", null, null),
            SqlDataTypeOption.Bit => ("boolean", null, null),
            SqlDataTypeOption.Date => ("date", null, null),
            SqlDataTypeOption.DateTimeOffset => ("timestamptz", null, null),
            SqlDataTypeOption.DateTime2 => ("timestamp", null, null),
            SqlDataTypeOption.UniqueIdentifier => ("uuid", null, null),
            SqlDataTypeOption.VarBinary or SqlDataTypeOption.Binary => ("bytes", null, null),
            var other => (other.ToString().ToLowerInvariant(), null, null),
        };
    }
}
