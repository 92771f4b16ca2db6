using FirstLine.Bot.Agents;
using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Bot.Tickets.Sla;
using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Bot.Tests.Agents;

public abstract class ClaimAndPresenceTests(StorageProvider provider)
{
    [Fact]
    public async Task Two_agents_claiming_at_once_end_with_one_owner()
    {
        await using var api = await AgentApiHost.StartAsync(provider: provider);
        var conversation = await api.Host.Client.NewConversationAsync(CancellationToken.None);
        var ticket = await api.CreateTicketAsync();
        var reference = new ConversationReference
        {
            ChannelId = "directline",
            Conversation = new ConversationAccount(conversation.ConversationId),
            User = new ChannelAccount("u", "Anna"),
            Bot = new ChannelAccount("firstline", "FirstLine"),
            Locale = "de",
        };
        await api.Get<ConversationOwnership>().QueueAsync(reference, ticket.Number, CancellationToken.None);
        var directory = api.Get<AgentDirectory>();
        var first = await directory.CreateAsync(new NewAgent("one@example.test", "One", "correct horse battery", AgentRole.Agent), CancellationToken.None);
        var second = await directory.CreateAsync(new NewAgent("two@example.test", "Two", "correct horse battery", AgentRole.Agent), CancellationToken.None);
        var conversations = api.Get<AgentConversations>();

        var claims = await Task.WhenAll(new[] { first, second }.Select(async agent =>
        {
            try
            {
                await conversations.ClaimAsync(ticket.Number, agent.Identity, CancellationToken.None);
                return agent.AgentId;
            }
            catch (HandoffException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(claims, c => c is not null);
        var owner = await api.Get<ConversationOwnership>().FindByTicketAsync(ticket.Number, CancellationToken.None);
        Assert.Equal((ConversationOwner.Agent, winner), (owner!.Owner, owner.AgentId));
        Assert.Equal(winner, (await api.Get<TicketService>().FindAsync(ticket.Number, CancellationToken.None))!.AssigneeId);
    }

    [Fact]
    public async Task A_signed_in_agent_is_available_for_their_queues_until_the_heartbeat_stops()
    {
        await using var api = await AgentApiHost.StartAsync(provider: provider);
        var presence = api.Get<IAgentPresence>();
        Assert.False(await presence.IsAgentAvailableAsync("network", CancellationToken.None));

        var agent = await api.Get<AgentDirectory>().CreateAsync(
            new NewAgent("net@example.test", "Net", "correct horse battery", AgentRole.Agent) { Queues = ["network"] },
            CancellationToken.None);
        await api.Get<AgentSignIn>().SignInAsync("net@example.test", "correct horse battery", CancellationToken.None);

        Assert.True(await presence.IsAgentAvailableAsync("network", CancellationToken.None));
        Assert.False(await presence.IsAgentAvailableAsync("hardware", CancellationToken.None));

        api.Host.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.False(await presence.IsAgentAvailableAsync("network", CancellationToken.None));

        await api.Get<AgentPresence>().TouchAsync(agent.Id, CancellationToken.None);
        Assert.True(await presence.IsAgentAvailableAsync("network", CancellationToken.None));

        await api.Get<AgentPresence>().SignOffAsync(agent.Id, CancellationToken.None);
        Assert.False(await presence.IsAgentAvailableAsync("network", CancellationToken.None));
    }

    [Fact]
    public async Task Outside_business_hours_nobody_is_available_and_the_customer_hears_when_the_desk_opens()
    {
        // Every day closed but today's weekday would be fragile; a desk open one minute a day at 00:00-00:01 is closed almost always.
        await using var api = await AgentApiHost.StartAsync(
        [
            "--Agents:BusinessHours:Enabled=true",
            "--Agents:BusinessHours:Opens=00:00",
            "--Agents:BusinessHours:Closes=00:01",
        ],
            provider);
        var now = api.Host.Clock.GetUtcNow();
        var hours = api.Get<BusinessHours>();
        if (hours.IsOpen(now))
        {
            api.Host.Clock.Advance(TimeSpan.FromMinutes(2));
            now = api.Host.Clock.GetUtcNow();
        }

        await api.Get<AgentDirectory>().CreateAsync(new NewAgent("night@example.test", "Night", "correct horse battery", AgentRole.Agent), CancellationToken.None);
        await api.Get<AgentSignIn>().SignInAsync("night@example.test", "correct horse battery", CancellationToken.None);
        Assert.False(await api.Get<IAgentPresence>().IsAgentAvailableAsync("hardware", CancellationToken.None));

        var availability = await api.Get<ISupportDesk>().CheckAvailabilityAsync("hardware", CancellationToken.None);
        var opening = hours.NextOpening(now);
        Assert.False(availability.AgentAvailableNow);
        Assert.True(opening > now && opening - now <= TimeSpan.FromDays(3));
        Assert.True(availability.ExpectedResponse >= opening - now, $"{availability.ExpectedResponse} should include the wait until {opening}");
        var berlin = TimeZoneInfo.ConvertTime(opening, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((0, 0), (berlin.Hour, berlin.Minute));
        Assert.DoesNotContain(berlin.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
    }
}

public sealed class ClaimAndPresenceOnSqliteTests() : ClaimAndPresenceTests(StorageProvider.Sqlite);

public sealed class ClaimAndPresenceOnPostgreSqlTests() : ClaimAndPresenceTests(StorageProvider.PostgreSql);
