using System.Data;
using Dapper;

namespace TrustFund.Hosting.Storage;

/// <summary>
/// Instants are stored in UTC. Some clients read them back as <see cref="DateTime"/> (kind UTC); records that
/// carry <see cref="DateTimeOffset"/> get them converted here, and parameters are always sent in UTC.
/// </summary>
internal sealed class UtcDateTimeOffsetTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.DateTimeOffset;
        parameter.Value = value.ToUniversalTime();
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset instant => instant,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
    };
}
