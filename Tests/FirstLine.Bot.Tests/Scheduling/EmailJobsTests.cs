using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Email;
using FirstLine.Bot.Tests.Email;
using FirstLine.Bot.Tickets;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>The email channel driven by the scheduler (no test-triggered polls) against the real Dovecot and Postfix.</summary>
[Collection("Mail servers")]
public sealed class EmailJobsTests(ITestOutputHelper output) : MailServerTest(output)
{
    protected override IEnumerable<string> Settings => ["--Email:PollInBackground=true", "--Email:OutboxSeconds=2"];

    [Fact]
    public async Task The_scheduler_polls_the_mailbox_and_sends_the_answer_and_api_jobs_lists_both_jobs_for_admins_only()
    {
        // Not SendToSupportAsync: the polling job may take the mail out of the inbox before a test could see it there.
        await MailServers.SendAsync(CustomerMails.New("Drucker druckt nicht", "Der Drucker druckt nicht."));

        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1, TimeSpan.FromSeconds(90)));
        Assert.Contains("Echo: Der Drucker druckt nicht.", answer.TextBody, StringComparison.Ordinal);

        using var anonymous = await Host.Host.Http.GetAsync("/api/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var agentKey = (await Host.Get<ApiKeys>().CreateAsync("agent", AgentRole.Agent, SupportLevel.Second, "tests", CancellationToken.None)).Key;
        using var forbidden = await GetJobsAsync(agentKey);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var response = await GetJobsAsync(await Host.CreateApiKeyAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobs = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        var poll = Assert.Single(jobs, j => j.GetProperty("name").GetString() == MailboxJobs.PollKey(MailServers.Support).Name);
        Assert.Equal("email", poll.GetProperty("group").GetString());
        Assert.Equal("every 00:00:05 (missed runs: once now)", poll.GetProperty("schedule").GetString());
        Assert.Equal("Succeeded", poll.GetProperty("lastOutcome").GetString());
        Assert.True(poll.GetProperty("totalRuns").GetInt64() >= 1);
        Assert.NotEqual(JsonValueKind.Null, poll.GetProperty("nextRun").ValueKind);
        var outbox = Assert.Single(jobs, j => j.GetProperty("name").GetString() == MailboxJobs.OutboxKey.Name);
        Assert.True(outbox.GetProperty("totalRuns").GetInt64() >= 1);
        Assert.Contains(outbox.GetProperty("lastResult").GetString(), new[] { "1 mail(s) sent", "nothing due" });
    }

    private Task<HttpResponseMessage> GetJobsAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Host.Host.Http.SendAsync(request);
    }
}
