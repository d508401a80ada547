using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using TrustFund.Contracts.Messages;
using TrustFund.Reporting.Ledger;

namespace TrustFund.LoadRunner;

/// <summary>
/// A large ledger for the statements scenario, in a database of its own: events of one big fund and three small
/// ones over two years, turned into entries by Reporting's own posting rules and chained with its own
/// <see cref="EntryHash"/>, then written with binary COPY. Deterministic, so every run measures the same ledger.
/// </summary>
public static class StatementLedger
{
    public const string BigFund = "bench-big";
    public static readonly DateOnly First = new(2024, 11, 1);
    public static readonly DateOnly Last = new(2026, 10, 31);

    private const int Batch = 50_000;
    private static readonly string[] SmallFunds = ["bench-small-1", "bench-small-2", "bench-small-3"];
    private static readonly DateTimeOffset PostedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Seeds <paramref name="entries"/> entries unless the database already holds exactly that many, chained.</summary>
    public static async Task EnsureAsync(string connectionString, int entries)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var held = await ScalarAsync(connection, "SELECT count(*) FROM journal_entries");
        var chained = await ScalarAsync(connection, "SELECT count(*) FROM ledger_chain");
        if (held == entries && chained == entries)
        {
            Console.WriteLine($"statements: reusing the ledger of {held:N0} chained entries in {connection.Database}");
            return;
        }
        Console.WriteLine($"statements: {connection.Database} holds {held:N0} entries ({chained:N0} chained); seeding {entries:N0} ...");
        var clock = Stopwatch.StartNew();
        // The ledger's tables refuse a truncate (they are append-only); the bench's own database is reseeded from nothing by
        // its owner, who lifts that guard for the truncate alone, in one transaction.
        await ExecuteAsync(connection, """
            BEGIN;
            ALTER TABLE ledger_checkpoints DISABLE TRIGGER append_only_truncate;
            ALTER TABLE ledger_chain DISABLE TRIGGER append_only_truncate;
            ALTER TABLE journal_lines DISABLE TRIGGER append_only_truncate;
            ALTER TABLE journal_entries DISABLE TRIGGER append_only_truncate;
            TRUNCATE ledger_checkpoints, ledger_chain, journal_lines, journal_entries RESTART IDENTITY;
            ALTER TABLE ledger_checkpoints ENABLE TRIGGER append_only_truncate;
            ALTER TABLE ledger_chain ENABLE TRIGGER append_only_truncate;
            ALTER TABLE journal_lines ENABLE TRIGGER append_only_truncate;
            ALTER TABLE journal_entries ENABLE TRIGGER append_only_truncate;
            COMMIT;
            """);
        var previous = EntryHash.Genesis;
        var generator = new Generator(entries);
        for (var from = 1; from <= entries; from += Batch)
        {
            var batch = generator.Next(Math.Min(Batch, entries - from + 1));
            previous = await WriteAsync(connection, batch, from, previous);
            Console.Write($"\r  {from + batch.Count - 1:N0} entries written ({clock.Elapsed.TotalSeconds:0} s)");
        }
        Console.WriteLine();
        await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('journal_entries', 'entry_id'), {entries})");
        await ExecuteAsync(connection, "VACUUM (ANALYZE) journal_entries, journal_lines, ledger_chain");
        Console.WriteLine($"statements: seeded {entries:N0} entries in {clock.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>Writes a batch numbered from <paramref name="firstId"/>, chaining each entry onto the one before; returns the last hash.</summary>
    private static async Task<string> WriteAsync(NpgsqlConnection connection, IReadOnlyList<JournalEntry> batch, long firstId, string previous)
    {
        var stored = batch.Select((e, i) => new StoredEntry(firstId + i, e.SourceType, e.SourceId, e.FundId, e.ValueDate, e.Description,
            [.. e.Lines.Select((l, n) => new LedgerLine(n + 1, l.Account, l.DonorId, l.Currency, l.Debit, l.Credit, l.BaseDebitValue, l.BaseCreditValue, l.EarmarkKind))],
            e.ValueDate, false, e.ProjectId, e.PartnerId, e.BaseCurrency, e.WindowId, e.PledgeId)).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY journal_entries (entry_id, source_type, source_id, source_message_id, fund_id, value_date, description, posted_at, posting_date, adjustment, project_id, partner_id, base_currency, window_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in stored)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.EntryId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.SourceType, NpgsqlDbType.Text);
                await copy.WriteAsync(e.SourceId, NpgsqlDbType.Text);
                await copy.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.FundId, NpgsqlDbType.Text);
                await copy.WriteAsync(e.ValueDate, NpgsqlDbType.Date);
                await copy.WriteAsync(e.Description, NpgsqlDbType.Text);
                await copy.WriteAsync(PostedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.PostingDate!.Value, NpgsqlDbType.Date);
                await copy.WriteAsync(e.Adjustment, NpgsqlDbType.Boolean);
                await WriteNullableAsync(copy, e.ProjectId);
                await WriteNullableAsync(copy, e.PartnerId);
                await copy.WriteAsync(e.BaseCurrency!, NpgsqlDbType.Char);
                await WriteNullableAsync(copy, e.WindowId);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY journal_lines (entry_id, line_no, account, donor_id, currency, debit, credit, base_debit, base_credit, earmark_kind) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in stored)
            {
                foreach (var l in e.Lines)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(e.EntryId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(l.LineNo, NpgsqlDbType.Integer);
                    await copy.WriteAsync(l.Account, NpgsqlDbType.Text);
                    await WriteNullableAsync(copy, l.DonorId);
                    await copy.WriteAsync(l.Currency, NpgsqlDbType.Char);
                    await copy.WriteAsync(l.Debit, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(l.Credit, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(l.BaseDebit, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(l.BaseCredit, NpgsqlDbType.Numeric);
                    await WriteNullableAsync(copy, l.EarmarkKind);
                }
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY ledger_chain (position, entry_id, previous_hash, entry_hash, chained_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in stored)
            {
                var hash = EntryHash.Compute(previous, e);
                await copy.StartRowAsync();
                await copy.WriteAsync(e.EntryId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.EntryId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(previous, NpgsqlDbType.Char);
                await copy.WriteAsync(hash, NpgsqlDbType.Char);
                await copy.WriteAsync(PostedAt, NpgsqlDbType.TimestampTz);
                previous = hash;
            }
            await copy.CompleteAsync();
        }
        return previous;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The events of the funds in value-date order, as the other services publish them, each posted by
    /// <see cref="PostingRules"/>: contributions (and their fee), transfers to partners, refunds and interest.
    /// </summary>
    private sealed class Generator(int total)
    {
        private const int Days = 730;
        private readonly Random random = new(20261123);
        private readonly Queue<JournalEntry> pending = new();
        private int produced;

        public IReadOnlyList<JournalEntry> Next(int count)
        {
            var batch = new List<JournalEntry>(count);
            while (batch.Count < count)
            {
                if (pending.Count == 0)
                {
                    Generate();
                }
                batch.Add(pending.Dequeue());
                produced++;
            }
            return batch;
        }

        private void Generate()
        {
            var date = First.AddDays((int)((long)produced * Days / total));
            var roll = random.Next(100);
            var fund = roll < 97 ? BigFund : SmallFunds[roll - 97];
            var (currency, donors, projects) = fund == BigFund ? ("USD", 12, 20) : (fund == SmallFunds[1] ? "EUR" : "USD", 3, 2);
            var donorNo = random.Next(donors);
            var (donor, otherDonor) = ($"{fund}-donor-{donorNo + 1}", $"{fund}-donor-{(donorNo + 1) % donors + 1}");
            var project = random.Next(projects) + 1;
            var window = $"window-{project % 4 + 1}";
            var (projectId, partnerId) = ($"{fund}-project-{project}", $"partner-{project % 8 + 1}");
            var kind = random.Next(100);
            var earmark = random.Next(3) switch
            {
                0 => Earmark.Unearmarked,
                1 => new Earmark { Kind = EarmarkKinds.Window, WindowId = window },
                _ => new Earmark { Kind = EarmarkKinds.Project, WindowId = window, ProjectId = projectId },
            };
            if (kind < 40)
            {
                var id = NextGuid();
                var amount = Amount(1_000, 500_000);
                var fee = decimal.Round(amount * 0.01m, 2, MidpointRounding.AwayFromZero);
                pending.Enqueue(PostingRules.For(new ContributionReceived
                {
                    ContributionId = id, FundId = fund, DonorId = donor, Earmark = earmark, Amount = amount, Currency = currency, ValueDate = date,
                    RecordedAt = PostedAt, RecordedBy = "load-runner",
                }));
                pending.Enqueue(PostingRules.For(new ContributionPooled
                {
                    ContributionId = id, FundId = fund, DonorId = donor, Earmark = earmark, Currency = currency, Gross = amount, Fee = fee, Net = amount - fee,
                    PoolId = project, ValueDate = date,
                })!);
            }
            else if (kind < 85)
            {
                // One donor's money (four lines when it was earmarked), or two donors' unearmarked money (four lines).
                PoolLine[] lines = random.Next(3) == 0
                    ? [Line(donor, EarmarkKinds.Unearmarked, window, null, Amount(500, 100_000)),
                       Line(otherDonor, EarmarkKinds.Unearmarked, window, null, Amount(500, 100_000))]
                    : [Line(donor, earmark.Kind, window, earmark.ProjectId, Amount(500, 200_000))];
                pending.Enqueue(PostingRules.For(new FundsDisbursed
                {
                    RequestId = NextGuid(), FundId = fund, WindowId = window, ProjectId = projectId, PartnerId = partnerId, Amount = lines.Sum(l => l.Amount),
                    Currency = currency, ValueDate = date, PaymentReference = $"PAY-{produced}", Lines = lines, Attribution = [], DisbursedAt = PostedAt,
                }));
            }
            else if (kind < 97)
            {
                var line = Line(donor, earmark.Kind, window, earmark.ProjectId, Amount(100, 20_000));
                pending.Enqueue(PostingRules.For(new RefundCredited
                {
                    RefundId = NextGuid(), RequestId = NextGuid(), FundId = fund, WindowId = window, ProjectId = projectId, PartnerId = partnerId,
                    Amount = line.Amount, Currency = currency, ValueDate = date, Lines = [line], Attribution = [], RecordedBy = "load-runner",
                }));
            }
            else
            {
                // Credited to unearmarked and earmarked pools: three lines.
                PoolLine[] lines = [Line(donor, EarmarkKinds.Unearmarked, window, null, Amount(10, 5_000)), Line(donor, EarmarkKinds.Window, window, null, Amount(10, 5_000))];
                pending.Enqueue(PostingRules.For(new InterestAllocated
                {
                    InterestId = NextGuid(), FundId = fund, PeriodStart = date.AddDays(-30), PeriodEnd = date, Amount = lines.Sum(l => l.Amount),
                    Currency = currency, Method = "pro-rata", Lines = lines, RecordedBy = "load-runner",
                }));
            }
        }

        private PoolLine Line(string donor, string earmarkKind, string window, string? project, decimal amount) => new()
        {
            PoolId = random.Next(1_000), DonorId = donor, EarmarkKind = earmarkKind, WindowId = window, ProjectId = project, Amount = amount,
        };

        private decimal Amount(int min, int max) => random.Next(min * 100, max * 100) / 100m;

        private Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }
    }
}
