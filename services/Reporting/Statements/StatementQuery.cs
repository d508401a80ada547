using System.Data.Common;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Statements;

/// <summary>
/// What a statement is read for (a fund over a period; a statement as at a date reads it at <see cref="To"/>; a donor
/// statement for <see cref="DonorId"/>) and where from: a connection, and the transaction when the statement must be
/// read in one snapshot with something else (an export reads it with the ledger chain's head).
/// </summary>
public sealed record StatementQuery(Database Database, DbConnection Connection, DbTransaction? Transaction, string FundId, DateOnly From, DateOnly To,
    string? DonorId = null);
