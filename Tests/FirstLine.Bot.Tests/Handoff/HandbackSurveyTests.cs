using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Handoff;

/// <summary>
/// The real host with the support dialogs over Direct Line: a customer reaches a human, and when the agent resolves the
/// ticket or hands the chat back, the bot asks the customer in their language how satisfied they are and keeps the answer.
/// </summary>
public abstract class HandbackSurveyTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private DirectLineHost host = null!;
    private AgentIdentity agent = null!;

    public async Task InitializeAsync()
    {
        host = await DirectLineHost.StartAsync(provider: provider, configureServices: services => services.AddSingleton<IBot>(provider => provider.GetRequiredService<SupportBot>()));
        var account = await host.Services.GetRequiredService<AgentDirectory>().CreateAsync(new NewAgent("anna@example.test", "Anna Berger", Password, AgentRole.Agent), CancellationToken.None);
        agent = account.Identity;

        // Signed in = present: the bot hands over to a live chat instead of asking for an email address.
        await host.Services.GetRequiredService<AgentSignIn>().SignInAsync("anna@example.test", Password, CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_customer_rates_the_help_after_the_agent_resolves_or_hands_back(bool resolve)
    {
        var chat = await CustomerChat.StartAsync(host.Client);
        var number = await chat.AskForAHumanAsync();
        var conversations = host.Services.GetRequiredService<AgentConversations>();
        await conversations.ClaimAsync(number, agent, CancellationToken.None);
        await conversations.SendAsync(number, agent, "Hello, this is Anna. I have sent a technician.", CancellationToken.None);

        if (resolve)
        {
            await conversations.ResolveAsync(number, agent, "Fuser replaced.", CancellationToken.None);
        }
        else
        {
            await conversations.HandBackAsync(number, agent, CancellationToken.None);
        }

        var said = await chat.ReadAsync();
        Assert.Contains(said, a => a.Text?.Contains(resolve ? $"Your ticket {number} is resolved" : "Anna Berger has left the conversation", StringComparison.Ordinal) == true);
        Assert.Contains(said, a => a.IsType(ActivityTypes.Event) && a.Name == HandoffEventNames.HandoffStatus);
        var survey = Assert.Single(said, a => a.Text?.Contains("How happy are you with the help from our support team", StringComparison.Ordinal) == true);
        Assert.Equal(["1", "2", "3", "4", "5"], survey.SuggestedActions!.Actions!.Select(a => a.Title));

        await chat.SayAsync("4", "Anything else");
        await chat.SayAsync("Quick and friendly", "Thank you for your feedback");
        var ticket = (await host.Services.GetRequiredService<TicketService>().FindAsync(number, CancellationToken.None))!;
        Assert.Equal((4, "Quick and friendly"), (ticket.SatisfactionRating, ticket.SatisfactionComment));
        Assert.Equal(resolve ? TicketStatus.Resolved : TicketStatus.Open, ticket.Status);
    }

    [Fact]
    public async Task A_ticket_resolved_after_the_bot_already_has_the_chat_again_brings_only_the_notice()
    {
        var chat = await CustomerChat.StartAsync(host.Client);
        var number = await chat.AskForAHumanAsync();
        var conversations = host.Services.GetRequiredService<AgentConversations>();
        await conversations.ClaimAsync(number, agent, CancellationToken.None);
        await conversations.HandBackAsync(number, agent, CancellationToken.None);
        await chat.ReadAsync();

        // The customer is talking to the bot about something new when the agent closes the old ticket.
        await chat.SayAsync("I forgot my password", "Did that help?");
        await conversations.ResolveAsync(number, agent, null, CancellationToken.None);

        var said = await chat.ReadAsync();
        Assert.Contains(said, a => a.Text?.Contains($"Your ticket {number} is resolved", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(said, a => a.Text?.Contains("How happy", StringComparison.Ordinal) == true);
        await chat.SayAsync("yes", "glad");
    }

    [Fact]
    public async Task A_ticket_resolved_through_the_api_while_the_agent_chats_tells_the_customer_and_asks_for_a_rating()
    {
        var chat = await CustomerChat.StartAsync(host.Client);
        var number = await chat.AskForAHumanAsync();
        await host.Services.GetRequiredService<AgentConversations>().ClaimAsync(number, agent, CancellationToken.None);
        await chat.ReadAsync();
        var key = await host.Services.GetRequiredService<ApiKeys>().CreateAsync("helpdesk-tool", AgentRole.Agent, SupportLevel.Second, "tests", CancellationToken.None);

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/tickets/{number}") { Content = JsonContent.Create(new { status = "Resolved" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var said = await chat.ReadAsync();
        Assert.Contains(said, a => a.Text?.Contains($"Your ticket {number} is resolved", StringComparison.Ordinal) == true);
        Assert.Contains(said, a => a.Text?.Contains("How happy are you with the help from our support team", StringComparison.Ordinal) == true);
        Assert.Equal(ConversationOwner.Bot, (await host.Services.GetRequiredService<ConversationOwnership>().FindByTicketAsync(number, CancellationToken.None))!.Owner);
        await chat.SayAsync("5", "Anything else");
    }

    /// <summary>A customer in a Direct Line conversation; every POST returns once the bot's turn has run.</summary>
    private sealed class CustomerChat(DirectLineClient client, DirectLineClient.Conversation conversation)
    {
        private string? watermark;

        public static async Task<CustomerChat> StartAsync(DirectLineClient client)
        {
            var chat = new CustomerChat(client, await client.NewConversationAsync(CancellationToken.None));
            await chat.ReadAsync();
            return chat;
        }

        /// <summary>Asks for a human and answers the bot's questions; returns the number of the ticket handed over.</summary>
        public async Task<string> AskForAHumanAsync()
        {
            await SayAsync("I want to talk to a human", "What is it about");
            await SayAsync("The printer on the 2nd floor shows error 50.4", "Who is affected");
            await SayAsync("Just me", "Can you work");
            await SayAsync("1", "name");
            var receipt = await SayAsync("Kim Park", "ticket number is FL-");
            return receipt.Split(' ').Single(w => w.StartsWith("FL-", StringComparison.Ordinal)).TrimEnd('.');
        }

        /// <summary>Sends <paramref name="text"/> and returns the bot's reply that contains <paramref name="expected"/>.</summary>
        public async Task<string> SayAsync(string text, string expected)
        {
            await client.SendMessageAsync(conversation, text, CancellationToken.None);
            var replies = (await ReadAsync()).Where(a => a.IsType(ActivityTypes.Message) && a.From?.Role == RoleTypes.Bot).Select(a => a.Text ?? string.Empty).ToList();
            return replies.FirstOrDefault(r => r.Contains(expected, StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException($"After \"{text}\" the bot did not say \"{expected}\". It said:\n{string.Join("\n", replies)}");
        }

        /// <summary>Everything new in the conversation since the last read.</summary>
        public async Task<IReadOnlyList<Activity>> ReadAsync()
        {
            var page = await client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, watermark, CancellationToken.None);
            watermark = page.WatermarkString ?? watermark;
            return page.Activities;
        }
    }
}

public sealed class HandbackSurveyOnSqliteTests() : HandbackSurveyTests(StorageProvider.Sqlite);

public sealed class HandbackSurveyOnPostgreSqlTests() : HandbackSurveyTests(StorageProvider.PostgreSql);
