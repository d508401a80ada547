using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrustFund.LoadRunner;

/// <summary>What a scenario needs before it runs: a fund defined in Earmarking and known to Pledges, registered donors.</summary>
public static class BenchSetup
{
    public static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>POSTs with a fresh Idempotency-Key; a 409 (already there) is fine when <paramref name="existingIsFine"/>.</summary>
    public static async Task PostAsync(HttpClient client, string path, object body, bool existingIsFine = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode && !(existingIsFine && response.StatusCode == HttpStatusCode.Conflict))
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A USD fund without fee, with the window "mercury" and the project "p1" in core, known to Pledges when this returns.</summary>
    public static async Task DefineFundAsync(LoadOptions options, string fund)
    {
        using var earmarking = Client(options.Earmarking, options.Token);
        using var pledges = Client(options.Pledges, options.Token);
        await PostAsync(earmarking, "/funds", new
        {
            fundId = fund, name = $"Benchmark {fund}", baseCurrency = "USD", feeRate = 0m, financingModel = "voluntary", twoApproverThreshold = 0m,
        });
        await PostAsync(earmarking, $"/funds/{fund}/windows", new { windowId = "mercury", name = "Mercury" });
        await PostAsync(earmarking, $"/funds/{fund}/projects", new
        {
            projectId = "p1", windowId = "core", name = "Benchmark project", projectLead = "load-runner", partnerId = "bench-partner", allocation = 100_000_000m,
        });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await pledges.GetAsync(new Uri($"/funds/{fund}", UriKind.Relative));
            if (response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("windows").GetArrayLength() == 2)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Pledges did not learn fund {fund} from Earmarking within 60 s.");
    }

    public static async Task RegisterDonorsAsync(LoadOptions options, IEnumerable<string> donors)
    {
        using var pledges = Client(options.Pledges, options.Token);
        foreach (var donor in donors)
        {
            await PostAsync(pledges, "/donors", new { donorId = donor, name = donor, type = "foundation" }, existingIsFine: true);
        }
    }
}
