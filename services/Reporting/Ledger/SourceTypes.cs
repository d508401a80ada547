namespace TrustFund.Reporting.Ledger;

/// <summary>What kind of source document an entry was posted for (with its id, unique in the ledger).</summary>
public static class SourceTypes
{
    public const string Contribution = "contribution";
    public const string Fee = "fee";
    public const string RetargetFee = "retarget-fee";
    public const string Disbursement = "disbursement";
    public const string Refund = "refund";
    public const string Interest = "interest";
    public const string Pledge = "pledge";
    public const string PledgeAmendment = "pledge-amendment";
    public const string PledgeCancellation = "pledge-cancellation";
    public const string PledgeWriteOff = "pledge-write-off";
}
