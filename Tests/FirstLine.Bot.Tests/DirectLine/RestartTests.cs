using FirstLine.Bot.Storage;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>A restart loses nothing: a client that comes back with its watermark gets exactly what it missed.</summary>
public abstract class RestartTests(StorageProvider provider)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Fact]
    public async Task After_a_restart_the_old_watermark_returns_exactly_the_missed_activities_and_numbering_continues()
    {
        var first = await DirectLineHost.StartAsync(provider: provider);
        await using var disposeFirst = first;
        var conversation = await first.Client.NewConversationAsync(Timeout);
        await first.Client.SendMessageAsync(conversation, "one", Timeout);
        var seen = await first.Client.WaitForActivitiesAsync(conversation, null, a => a.Count >= 3, Timeout);
        Assert.Equal("2", seen.WatermarkString);

        // The customer's tab is closed; meanwhile the conversation goes on (e.g. a second device).
        await first.Client.SendMessageAsync(conversation, "two", Timeout);
        await first.Client.SendMessageAsync(conversation, "three", Timeout);
        await first.Client.WaitForActivitiesAsync(conversation, seen.WatermarkString, a => a.Count >= 4, Timeout);
        await first.StopAsync(Timeout);

        await using var second = await first.StartSuccessorAsync(cancellationToken: Timeout);
        var missed = await second.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, seen.WatermarkString, Timeout);

        Assert.Equal(["two", "You said: two", "three", "You said: three"], missed.Activities.Select(a => a.Text ?? string.Empty).ToArray());
        Assert.Equal(Enumerable.Range(3, 4).Select(i => $"{conversation.ConversationId}|{i:D7}"), missed.Activities.Select(a => a.Id));
        Assert.Equal("6", missed.WatermarkString);

        var id = await second.Client.SendMessageAsync(conversation, "four", Timeout);
        Assert.Equal($"{conversation.ConversationId}|0000007", id);
        var after = await second.Client.WaitForActivitiesAsync(conversation, missed.WatermarkString, a => a.Count >= 2, Timeout);
        Assert.True(after.Activities[0].Timestamp > missed.Activities[^1].Timestamp);
    }

    [Fact]
    public async Task After_a_restart_the_stream_replays_from_the_watermark()
    {
        var first = await DirectLineHost.StartAsync(provider: provider);
        await using var disposeFirst = first;
        var conversation = await first.Client.NewConversationAsync(Timeout);
        var seen = await first.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, null, Timeout);
        await first.Client.SendMessageAsync(conversation, "while away", Timeout);
        await first.Client.WaitForActivitiesAsync(conversation, seen.WatermarkString, a => a.Count >= 2, Timeout);
        await first.StopAsync(Timeout);

        await using var second = await first.StartSuccessorAsync(cancellationToken: Timeout);
        using var response = await second.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}?watermark={seen.WatermarkString}", conversation.Token, null, Timeout);
        await DirectLineClient.EnsureStatusAsync(response, System.Net.HttpStatusCode.OK);
        var reconnected = await DirectLineClient.Conversation.ReadAsync(response, Timeout);
        await using var socket = await DirectLineHost.ConnectAsync(reconnected.StreamUrl!, Timeout);

        var replayed = await socket.ReceiveUntilAsync(a => a.Count >= 2, Timeout);

        Assert.Equal(["while away", "You said: while away"], replayed.Select(a => a.Text ?? string.Empty).ToArray());
        Assert.DoesNotContain(replayed, a => a.IsType(ActivityTypes.ConversationUpdate));
    }

    [Fact]
    public async Task A_conversation_is_not_greeted_again_after_a_restart()
    {
        var first = await DirectLineHost.StartAsync(provider: provider);
        await using var disposeFirst = first;
        var conversation = await first.Client.NewConversationAsync(Timeout);
        await first.StopAsync(Timeout);

        await using var second = await first.StartSuccessorAsync(cancellationToken: Timeout);
        var (status, _) = await second.Client.StartConversationAsync(conversation.Token, Timeout);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var log = await second.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, null, Timeout);
        Assert.Single(log.Activities);
    }
}

public sealed class RestartOnSqliteTests() : RestartTests(StorageProvider.Sqlite);

public sealed class RestartOnPostgreSqlTests() : RestartTests(StorageProvider.PostgreSql);
