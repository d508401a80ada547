using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Pledges;

[Collection(SystemCollection.Name)]
public sealed class AssessmentTests(SystemFixture system)
{
    private static readonly string[] Members = ["state-a", "state-b", "state-c", "state-d"];

    private async Task RegisterMembersAsync()
    {
        foreach (var member in Members)
        {
            var answer = await system.PostAsync(system.Pledges, "/donors", "finance",
                new { donorId = member, name = member, type = "member", countryCode = "ZZ" });
            Assert.True(answer.Status is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }
    }

    // Assessed pledges are made today (Pledges' clock) and fall due after it; the voluntary core pledges that reduce the
    // assessment are those pledged in the assessed year. So the year is this one, and every date is relative to today.
    private static int Year => Dates.Today.Year;

    private static readonly string DueDate = Dates.DaysAhead(120);

    private static object Terms(int year, decimal budget = 1_000_000m, decimal floor = 0.001m, decimal ceiling = 0.5m) => new
    {
        year, budget, currency = "USD", dueDate = DueDate, floor, ceiling, ldcCeiling = 0.01m,
        members = new object[]
        {
            new { memberId = "state-a", rate = 60m, leastDeveloped = false },
            new { memberId = "state-b", rate = 20m, leastDeveloped = false },
            new { memberId = "state-c", rate = 19.5m, leastDeveloped = false },
            new { memberId = "state-d", rate = 5m, leastDeveloped = true },
        },
    };

    [Fact]
    public async Task A_hybrid_fund_assesses_what_voluntary_core_pledges_leave_and_issues_one_assessed_pledge_per_member_once()
    {
        await RegisterMembersAsync();
        var fund = await system.KnownFundAsync(financingModel: "hybrid");
        (await system.PostAsync(system.Pledges, "/pledges", "finance", new
        {
            donorId = "donor-norway", fundId = fund, amount = 200_000m, currency = "USD", earmark = new { kind = "unearmarked" }, pledgedOn = Dates.Iso(Dates.Today),
            instalments = new object[] { new { dueDate = Dates.DaysAhead(30), amount = 200_000m } },
        })).Expect(HttpStatusCode.Created);

        var preview = (await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments/preview", "fund-manager", Terms(Year))).Expect(HttpStatusCode.OK).Body;
        Assert.Equal((1_000_000m, 200_000m, 800_000m), (preview.GetProperty("budget").GetDecimal(), preview.GetProperty("voluntaryDeducted").GetDecimal(),
            preview.GetProperty("assessed").GetDecimal()));
        Assert.NotEmpty(preview.GetProperty("steps").EnumerateArray());
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM assessments WHERE fund_id = @fund", new { fund }));

        var issued = (await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments", "fund-manager", Terms(Year))).Expect(HttpStatusCode.Created).Body;
        var shares = issued.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("memberId").GetString()!, m => m.GetProperty("share").GetDecimal());
        Assert.Equal(800_000m, shares.Values.Sum());
        Assert.Equal(8_000m, shares["state-d"]);            // the least developed country's ceiling: 1% of 800,000
        Assert.Equal(400_000m, shares["state-a"]);          // capped at 50%
        Assert.Equal(4, await system.CountAsync("Pledges", "SELECT count(*) FROM pledges WHERE fund_id = @fund AND pledge_kind = 'assessed'", new { fund }));
        Assert.Equal(800_000m, await Dapper.SqlMapper.ExecuteScalarAsync<decimal>(system.OpenDatabase("Pledges"),
            "SELECT sum(amount) FROM pledges WHERE fund_id = @fund AND pledge_kind = 'assessed'", new { fund }));

        Assert.Equal("once-per-year", (await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments", "fund-manager", Terms(Year)))
            .Expect(HttpStatusCode.Conflict).Rule);

        var revision = (await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments/{Year}/revisions", "fund-manager",
            new { budget = 1_100_000m, dueDate = Dates.DaysAhead(210), reason = "conference approved a larger budget" })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal((2, 100_000m), (revision.GetProperty("sequence").GetInt32(), revision.GetProperty("assessed").GetDecimal()));
        Assert.Equal("increase-only", (await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments/{Year}/revisions", "fund-manager",
            new { budget = 1_000_000m, dueDate = Dates.DaysAhead(210), reason = "cut" })).Expect(HttpStatusCode.UnprocessableEntity).Rule);

        var pledgeOfA = await Dapper.SqlMapper.ExecuteScalarAsync<Guid>(system.OpenDatabase("Pledges"),
            "SELECT pledge_id FROM pledges WHERE fund_id = @fund AND donor_id = 'state-a' ORDER BY recorded_at LIMIT 1", new { fund });
        (await system.PostAsync(system.Pledges, "/contributions", "finance", new
        {
            donorId = "state-a", fundId = fund, pledgeId = pledgeOfA, amount = 150_000m, currency = "USD", valueDate = Dates.Iso(Dates.Today), bankReference = "A-1",
        })).Expect(HttpStatusCode.Created);
        var status = (await system.GetAsync(system.Pledges, $"/funds/{fund}/assessments/{Year}", "finance")).Expect(HttpStatusCode.OK).Body
            .EnumerateArray().Single(m => m.GetProperty("memberId").GetString() == "state-a");
        var assessedA = status.GetProperty("assessed").GetDecimal();
        Assert.Equal((150_000m, assessedA - 150_000m), (status.GetProperty("paid").GetDecimal(), status.GetProperty("outstanding").GetDecimal()));

        // The ledger's statement agrees: state-a was assessed 400,000 + its share of the supplementary 100,000 and paid 150,000, due on the first due date.
        var members = await Eventually.GetAsync(async () =>
        {
            var answer = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/assessed-contributions?year={Year}&asOf={Dates.Iso(Dates.Today)}", "fund-manager"))
                .Expect(HttpStatusCode.OK).Body;
            var listed = answer.GetProperty("members").EnumerateArray().ToList();
            return listed.Count == 4 && listed.Sum(m => m.GetProperty("assessed").GetDecimal()) == 900_000m
                && listed.Sum(m => m.GetProperty("paid").GetDecimal()) == 150_000m ? listed : null;
        }, "the ledger to book the assessments and the payment");
        var a = members.Single(m => m.GetProperty("memberId").GetString() == "state-a");
        Assert.Equal((assessedA, 150_000m, assessedA - 150_000m, "partly-paid", DueDate), (a.GetProperty("assessed").GetDecimal(), a.GetProperty("paid").GetDecimal(),
            a.GetProperty("outstanding").GetDecimal(), a.GetProperty("status").GetString(), a.GetProperty("earliestDueUnpaid").GetString()));
        Assert.All(members.Where(m => m.GetProperty("memberId").GetString() != "state-a"), m => Assert.Equal("unpaid", m.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Only_the_fund_manager_assesses_and_only_funds_financed_by_assessment()
    {
        await RegisterMembersAsync();
        var voluntary = await system.KnownFundAsync();
        Assert.Equal("assessed-or-hybrid", (await system.PostAsync(system.Pledges, $"/funds/{voluntary}/assessments", "fund-manager", Terms(Year)))
            .Expect(HttpStatusCode.UnprocessableEntity).Rule);
        var assessed = await system.KnownFundAsync(financingModel: "assessed");
        (await system.PostAsync(system.Pledges, $"/funds/{assessed}/assessments", "finance", Terms(Year))).Expect(HttpStatusCode.Forbidden);
        (await system.PostAsync(system.Pledges, $"/funds/{assessed}/assessments", "donor", Terms(Year),
            claims: new Dictionary<string, string> { ["donor_id"] = "state-a" })).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM assessments WHERE fund_id = ANY(@funds)", new { funds = new[] { voluntary, assessed } }));
    }

    [Theory]
    [InlineData("floor", "floor-above-ceiling")]
    [InlineData("members[0].rate", "not-negative")]
    [InlineData("members", "positive-sum")]
    [InlineData("members[0].rate", "required")]
    public async Task Bad_assessment_terms_are_refused_naming_the_field_and_nothing_is_written(string field, string rule)
    {
        await RegisterMembersAsync();
        var fund = await system.KnownFundAsync(financingModel: "assessed");
        object body = rule switch
        {
            "floor-above-ceiling" => Terms(Year, floor: 0.6m, ceiling: 0.5m),
            _ => new
            {
                year = Year, budget = 1000m, currency = "USD", dueDate = DueDate, floor = 0m, ceiling = 1m, ldcCeiling = 1m,
                members = rule switch
                {
                    "not-negative" => new object[] { new { memberId = "state-a", rate = -1m }, new { memberId = "state-b", rate = 2m } },
                    "positive-sum" => [new { memberId = "state-a", rate = 0m }, new { memberId = "state-b", rate = 0m }],
                    _ => [new { memberId = "state-a" }],
                },
            },
        };
        var answer = (await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments", "fund-manager", body)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(rule, answer.RulesOf(field));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM pledges WHERE fund_id = @fund", new { fund }));
    }

    [Fact]
    public async Task A_rate_that_does_not_parse_is_refused_naming_it()
    {
        var fund = await system.KnownFundAsync(financingModel: "assessed");
        using var content = new StringContent($$"""
            {"year":{{Year}},"budget":1000,"currency":"USD","dueDate":"{{DueDate}}","floor":0,"ceiling":1,"ldcCeiling":1,
             "members":[{"memberId":"state-a","rate":"twenty"}]}
            """, System.Text.Encoding.UTF8, "application/json");
        var answer = (await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments/preview", "fund-manager", content)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("type", answer.RulesOf("members[0].rate"));
    }
}
