using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>The Direct Line 3.0 happy path over real HTTP and WebSockets against the real host.</summary>
public abstract class ConversationFlowTests(StorageProvider provider)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task A_token_from_the_secret_starts_a_conversation_that_greets_and_a_second_start_resumes_it()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var client = host.Client;

        var generated = await client.GenerateTokenAsync(Timeout);
        Assert.Equal(1800, generated.ExpiresIn);
        Assert.False(generated.Raw.TryGetProperty("streamUrl", out _), "tokens/generate does not start the conversation, so it has no stream yet.");

        var (firstStatus, started) = await client.StartConversationAsync(generated.Token, Timeout);
        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(generated.ConversationId, started.ConversationId);
        Assert.False(string.IsNullOrEmpty(started.Token));
        Assert.Equal(1800, started.ExpiresIn);
        Assert.StartsWith($"ws://127.0.0.1:{new Uri(host.BaseUrl).Port}/v3/directline/conversations/{Uri.EscapeDataString(started.ConversationId)}/stream?t=", started.StreamUrl, StringComparison.Ordinal);

        var (secondStatus, again) = await client.StartConversationAsync(started.Token, Timeout);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(started.ConversationId, again.ConversationId);

        var log = await client.GetActivitiesAsync(started.ConversationId, started.Token, null, Timeout);
        var greeting = Assert.Single(log.Activities);
        Assert.Equal(ActivityTypes.Message, greeting.Type);
        Assert.Equal(RoleTypes.Bot, greeting.From!.Role);
        Assert.StartsWith("Hello!", greeting.Text, StringComparison.Ordinal);
        Assert.Equal($"{started.ConversationId}|0000000", greeting.Id);
        Assert.DoesNotContain(log.Activities, a => a.IsType(ActivityTypes.ConversationUpdate));
    }

    [Fact]
    public async Task A_German_conversation_is_greeted_in_German()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var generated = await host.Client.GenerateTokenAsync(Timeout);

        await host.Client.StartConversationAsync(generated.Token, Timeout, """{"user":{},"locale":"de-DE"}""");

        var log = await host.Client.GetActivitiesAsync(generated.ConversationId, generated.Token, null, Timeout);
        Assert.StartsWith("Hallo!", Assert.Single(log.Activities).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_its_channel_data_untouched_and_answered()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var client = host.Client;
        var conversation = await client.NewConversationAsync(Timeout);
        var greeting = await client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, null, Timeout);
        Assert.Equal(JsonValueKind.String, greeting.Watermark.ValueKind);
        const string ChannelData = """{"clientActivityID":"1566333430470p5cbxdwg1x","webchat:sequence-id":7,"nested":{"deep":[{"x":1,"y":null,"z":"ü"}],"empty":{}}}""";

        var id = await client.SendMessageAsync(conversation, "hello", Timeout, JsonNode.Parse(ChannelData));

        Assert.Equal($"{conversation.ConversationId}|0000001", id);
        var page = await client.WaitForActivitiesAsync(conversation, greeting.WatermarkString, a => a.Count >= 2, Timeout);
        Assert.Equal(JsonValueKind.String, page.Watermark.ValueKind);
        Assert.Equal("2", page.WatermarkString);
        Assert.Equal(2, page.Activities.Count);

        var echo = page.Activities[0];
        Assert.Equal(id, echo.Id);
        Assert.Equal("hello", echo.Text);
        Assert.Equal("directline", echo.ChannelId);
        Assert.Equal(conversation.ConversationId, echo.Conversation!.Id);
        Assert.Equal(RoleTypes.User, echo.From!.Role);
        Assert.StartsWith("dl_", echo.From.Id, StringComparison.Ordinal);
        Assert.Equal("Debbie", echo.From.Name);
        var echoedChannelData = page.Raw.GetProperty("activities")[0].GetProperty("channelData").GetRawText();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ChannelData), JsonNode.Parse(echoedChannelData)), $"channelData changed: {echoedChannelData}");

        var reply = page.Activities[1];
        Assert.Equal($"{conversation.ConversationId}|0000002", reply.Id);
        Assert.Equal("You said: hello", reply.Text);
        Assert.Equal(RoleTypes.Bot, reply.From!.Role);
        Assert.Equal(id, reply.ReplyToId);
        Assert.Equal("directline", reply.ChannelId);
    }

    [Fact]
    public async Task Ids_and_timestamps_only_grow_and_timestamps_are_UTC_with_Z()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var client = host.Client;
        var conversation = await client.NewConversationAsync(Timeout);
        for (var i = 0; i < 5; i++)
        {
            await client.SendMessageAsync(conversation, $"message {i}", Timeout);
        }

        var page = await client.WaitForActivitiesAsync(conversation, null, a => a.Count >= 11, Timeout);

        Assert.Equal(11, page.Activities.Count);
        Assert.Equal(
            Enumerable.Range(0, 11).Select(i => $"{conversation.ConversationId}|{i:D7}"),
            page.Activities.Select(a => a.Id));
        var timestamps = page.Raw.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("timestamp").GetString()!).ToList();
        Assert.All(timestamps, t => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", t));
        var instants = page.Activities.Select(a => a.Timestamp!.Value).ToList();
        Assert.All(instants.Zip(instants.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First:O} is not before {pair.Second:O}"));
        Assert.Equal("10", page.WatermarkString);
    }

    [Fact]
    public async Task Reading_after_the_last_watermark_returns_nothing_and_keeps_the_watermark()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var first = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, null, Timeout);

        var next = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, first.WatermarkString, Timeout);

        Assert.Empty(next.Activities);
        Assert.Equal(first.WatermarkString, next.WatermarkString);
        Assert.Equal(JsonValueKind.Array, next.Raw.GetProperty("activities").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_watermark_means_from_the_beginning(string watermark)
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var conversation = await host.Client.NewConversationAsync(Timeout);

        var page = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, watermark, Timeout);

        Assert.Single(page.Activities);
    }

    [Fact]
    public async Task The_stream_replays_the_log_then_pushes_the_echo_and_the_reply()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        await using var socket = await DirectLineHost.ConnectAsync(conversation.StreamUrl!, Timeout);

        var replay = await socket.ReceiveAsync(Timeout);
        Assert.StartsWith("Hello!", Assert.Single(replay.Activities).Text, StringComparison.Ordinal);
        Assert.Equal("0", replay.WatermarkString);

        var id = await host.Client.SendMessageAsync(conversation, "over the socket", Timeout);
        var pushed = await socket.ReceiveUntilAsync(seen => seen.Count >= 2, Timeout);

        Assert.Equal(id, pushed[0].Id);
        Assert.Equal("over the socket", pushed[0].Text);
        Assert.Equal("You said: over the socket", pushed[1].Text);
    }

    [Fact]
    public async Task Typing_is_pushed_over_the_stream_but_never_returned_by_GET()
    {
        await using var host = await DirectLineHost.StartAsync(configureServices: services => services.AddSingleton<IBot, TypingBot>(), provider: provider);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        await using var socket = await DirectLineHost.ConnectAsync(conversation.StreamUrl!, Timeout);
        await socket.ReceiveAsync(Timeout); // the replay: the stream is subscribed from here on

        using (var typing = await host.Client.PostActivityAsync(conversation.ConversationId, conversation.Token, """{"type":"typing","from":{"id":"x"}}""", Timeout))
        {
            await DirectLineClient.EnsureStatusAsync(typing, HttpStatusCode.OK);
        }

        await host.Client.SendMessageAsync(conversation, "hi", Timeout);
        var pushed = await socket.ReceiveUntilAsync(seen => seen.Any(a => a.Text == "typed: hi"), Timeout);

        Assert.Contains(pushed, a => a.IsType(ActivityTypes.Typing) && a.From?.Role == RoleTypes.User);
        Assert.Contains(pushed, a => a.IsType(ActivityTypes.Typing) && a.From?.Role == RoleTypes.Bot);
        var log = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, null, Timeout);
        Assert.DoesNotContain(log.Activities, a => a.IsType(ActivityTypes.Typing));
        Assert.Equal(["greeting", "hi", "typed: hi"], log.Activities.Select(a => a.Text ?? string.Empty).ToArray());
    }

    [Fact]
    public async Task A_reconnect_gives_a_fresh_token_and_a_stream_that_replays_from_the_watermark()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var client = host.Client;
        var conversation = await client.NewConversationAsync(Timeout);
        await client.SendMessageAsync(conversation, "one", Timeout);
        var seen = await client.WaitForActivitiesAsync(conversation, null, a => a.Count >= 3, Timeout);
        await client.SendMessageAsync(conversation, "two", Timeout);

        using var response = await client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}?watermark={seen.WatermarkString}", conversation.Token, null, Timeout);
        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        var reconnected = await DirectLineClient.Conversation.ReadAsync(response, Timeout);
        Assert.Equal(conversation.ConversationId, reconnected.ConversationId);
        Assert.False(string.IsNullOrEmpty(reconnected.Token));
        Assert.Contains("watermark=2", reconnected.StreamUrl, StringComparison.Ordinal);

        await using var socket = await DirectLineHost.ConnectAsync(reconnected.StreamUrl!, Timeout);
        var missed = await socket.ReceiveUntilAsync(a => a.Count >= 2, Timeout);
        Assert.Equal(["two", "You said: two"], missed.Select(a => a.Text ?? string.Empty).ToArray());
    }

    [Fact]
    public async Task A_refreshed_token_keeps_the_conversation_and_the_user()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", conversation.Token, null, Timeout);

        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        var refreshed = await DirectLineClient.Conversation.ReadAsync(response, Timeout);
        Assert.Equal(conversation.ConversationId, refreshed.ConversationId);
        Assert.NotEqual(conversation.Token, refreshed.Token);
        await host.Client.SendMessageAsync(refreshed, "still me", Timeout);
        var page = await host.Client.WaitForActivitiesAsync(refreshed, "0", a => a.Count >= 2, Timeout);
        Assert.Equal(UserClaim(conversation.Token), UserClaim(refreshed.Token));
        Assert.Equal(UserClaim(conversation.Token), page.Activities[0].From!.Id);
    }

    [Fact]
    public async Task The_user_id_bound_in_the_token_wins_over_the_one_the_client_sends()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var generated = await host.Client.GenerateTokenAsync(Timeout, """{"user":{"id":"dl_debbie","name":"Debbie"}}""");
        var (_, conversation) = await host.Client.StartConversationAsync(generated.Token, Timeout);

        await host.Client.SendMessageAsync(conversation, "who am I", Timeout);

        var page = await host.Client.WaitForActivitiesAsync(conversation, "0", a => a.Count >= 1, Timeout);
        Assert.Equal("dl_debbie", page.Activities[0].From!.Id);
    }

    /// <summary>The <c>user</c> claim Web Chat reads from the token (it decodes it as a JWT).</summary>
    private static string UserClaim(string token)
    {
        var payload = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token.Split('.')[1]);
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.GetProperty("user").GetString()!;
    }

    /// <summary>Greets, then answers every message with typing first and the text after.</summary>
    private sealed class TypingBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.IsType(ActivityTypes.ConversationUpdate))
            {
                await turnContext.SendActivityAsync("greeting", cancellationToken: cancellationToken);
            }
            else if (turnContext.Activity.IsType(ActivityTypes.Message))
            {
                await turnContext.SendActivityAsync(Activity.CreateTypingActivity(), cancellationToken);
                await turnContext.SendActivityAsync($"typed: {turnContext.Activity.Text}", cancellationToken: cancellationToken);
            }
        }
    }
}

public sealed class ConversationFlowOnSqliteTests() : ConversationFlowTests(StorageProvider.Sqlite);

public sealed class ConversationFlowOnPostgreSqlTests() : ConversationFlowTests(StorageProvider.PostgreSql);
