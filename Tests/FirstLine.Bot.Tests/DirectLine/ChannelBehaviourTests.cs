using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>What the server does as the channel: it owns ids, timestamps and roles, keeps streams alive, and starts lazily.</summary>
public sealed class ChannelBehaviourTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task The_server_overwrites_what_only_the_channel_may_set_and_keeps_what_the_client_may()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        const string Posted = """
            {"type":"message","text":"spoof","id":"evil|9999999","timestamp":"2000-01-01T00:00:00Z","channelId":"webchat",
             "serviceUrl":"https://evil.example/","conversation":{"id":"someone-else"},"recipient":{"id":"admin"},
             "from":{"id":"x","name":"Debbie","role":"bot"},"localTimestamp":"2026-06-12T14:53:39+02:00","localTimezone":"Europe/Berlin",
             "locale":"de-DE","entities":[{"type":"ClientCapabilities","requiresBotState":true}]}
            """;

        using (var response = await host.Client.PostActivityAsync(conversation.ConversationId, conversation.Token, Posted, Timeout))
        {
            await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        }

        var page = await host.Client.WaitForActivitiesAsync(conversation, "0", a => a.Count >= 2, Timeout);
        var echo = page.Activities[0];
        Assert.Equal($"{conversation.ConversationId}|0000001", echo.Id);
        Assert.True(echo.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("directline", echo.ChannelId);
        Assert.NotEqual("https://evil.example/", echo.ServiceUrl);
        Assert.Equal(conversation.ConversationId, echo.Conversation!.Id);
        Assert.NotEqual("admin", echo.Recipient?.Id);
        Assert.Equal(RoleTypes.User, echo.From!.Role);
        Assert.StartsWith("dl_", echo.From.Id, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 14, 53, 39, TimeSpan.FromHours(2)), echo.LocalTimestamp);
        Assert.Equal(TimeSpan.FromHours(2), echo.LocalTimestamp!.Value.Offset);
        Assert.Equal("Europe/Berlin", echo.LocalTimezone);
        Assert.Equal("ClientCapabilities", Assert.Single(echo.Entities!).Type);
        Assert.Equal("Sie sagten: spoof", page.Activities[1].Text);
    }

    [Fact]
    public async Task An_idle_stream_gets_empty_keep_alive_frames_and_ignores_the_clients_empty_pings()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:KeepAliveInterval=00:00:00.200"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        await using var stream = await DirectLineHost.ConnectAsync(conversation.StreamUrl!, Timeout);
        await stream.ReceiveAsync(Timeout);

        // DirectLineJS pings with an empty text frame every 20 s.
        await stream.Socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, Timeout);
        var buffer = new byte[1024];
        var keepAlive = await stream.Socket.ReceiveAsync(buffer, Timeout);

        Assert.Equal(WebSocketMessageType.Text, keepAlive.MessageType);
        Assert.Equal(0, keepAlive.Count);
        Assert.True(keepAlive.EndOfMessage);
        await host.Client.SendMessageAsync(conversation, "still open", Timeout);
        var pushed = await stream.ReceiveUntilAsync(a => a.Count >= 2, Timeout);
        Assert.Equal("still open", pushed[0].Text);
    }

    [Fact]
    public async Task A_client_that_reconnects_to_a_conversation_nobody_started_gets_it_started_and_greeted()
    {
        await using var host = await DirectLineHost.StartAsync();
        var generated = await host.Client.GenerateTokenAsync(Timeout);

        using var response = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{generated.ConversationId}?watermark=", generated.Token, null, Timeout);

        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        var log = await host.Client.GetActivitiesAsync(generated.ConversationId, generated.Token, null, Timeout);
        Assert.StartsWith("Hello!", Assert.Single(log.Activities).Text, StringComparison.Ordinal);
        var (status, _) = await host.Client.StartConversationAsync(generated.Token, Timeout);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_single_file_uploaded_as_the_raw_body_becomes_a_message_with_that_attachment()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        using var body = new ByteArrayContent(png);
        body.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        body.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { Name = "file", FileName = "screenshot.png" };

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, body, Timeout);

        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        var page = await host.Client.WaitForActivitiesAsync(conversation, "0", a => a.Count >= 2, Timeout);
        var attachment = Assert.Single(page.Activities[0].Attachments!);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("screenshot.png", attachment.Name);
        Assert.Equal(png, await host.Http.GetByteArrayAsync(new Uri(attachment.ContentUrl!), Timeout));
    }

    [Fact]
    public async Task An_event_from_the_client_reaches_the_log_and_a_bot_without_an_answer_sends_nothing()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.PostActivityAsync(conversation.ConversationId, conversation.Token, """{"type":"event","name":"webchat/join","value":{"language":"de-DE"}}""", Timeout);

        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        var page = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, "0", Timeout);
        var @event = Assert.Single(page.Activities);
        Assert.Equal("webchat/join", @event.Name);
    }
}
