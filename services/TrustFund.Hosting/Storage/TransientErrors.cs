using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace TrustFund.Hosting.Storage;

/// <summary>
/// Failures that trying the whole transaction again can mend (a deadlock victim, a serialization failure, a dropped
/// connection, a database failing over), told apart per provider by the server's own error codes.
/// </summary>
public static class TransientErrors
{
    /// <summary>PostgreSQL SQLSTATEs: serialization failure, deadlock, and the connection and availability classes.</summary>
    private static readonly HashSet<string> PostgresStates = new(StringComparer.Ordinal)
    {
        "40001", "40P01", // serialization_failure, deadlock_detected
        "08000", "08001", "08003", "08004", "08006", // connection exceptions
        "53300", // too_many_connections
        "57P01", "57P02", "57P03", // admin_shutdown, crash_shutdown, cannot_connect_now
    };

    /// <summary>SQL Server error numbers (sys.messages, Azure SQL connectivity errors) worth a second attempt.</summary>
    private static readonly HashSet<int> SqlServerNumbers =
    [
        1205, // chosen as deadlock victim
        1222, // lock request time out
        -2, // client timeout
        20, // instance does not support encryption / transport error
        64, 233, 10053, 10054, 10060, 10928, 10929, // connection dropped or refused, resource limits
        4060, // cannot open database (failing over)
        4221, // login to read-secondary failed during replica change
        40143, 40197, 40501, 40540, 40613, // Azure SQL: service busy, failing over, unavailable
        49918, 49919, 49920, // Azure SQL: not enough resources, too many operations
        3960, 3961, // snapshot isolation update conflict
        41301, 41302, 41305, 41325, 41839, // memory-optimized tables: dependency and validation failures
    ];

    public static bool IsPostgresTransient(string? sqlState) => sqlState is not null && PostgresStates.Contains(sqlState);

    public static bool IsSqlServerTransient(int number) => SqlServerNumbers.Contains(number);

    /// <summary>True when the exception (or one it wraps) is a transient failure of either provider.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when IsPostgresTransient(postgres.SqlState):
                    return true;
                case NpgsqlException { IsTransient: true }:
                    return true;
                case SqlException sqlServer when sqlServer.Errors.Cast<SqlError>().Any(error => IsSqlServerTransient(error.Number)):
                    return true;
                case DbException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }
}
