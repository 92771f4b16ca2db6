using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Storage;

/// <summary>The Direct Line log, uploads and transcripts in the real database, as several writers (or nodes) see them.</summary>
public abstract class DirectLineStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private DirectLineHost host = null!;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private IDirectLineStore Store => host.Services.GetRequiredService<IDirectLineStore>();

    public async Task InitializeAsync() => host = await DirectLineHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Forty_concurrent_appends_get_the_sequence_numbers_0_to_39_once_each_with_growing_timestamps()
    {
        var conversation = await NewConversationAsync();

        var logged = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Store.AppendAsync(conversation, Message($"message {i}"), Timeout))));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long?)i), logged.Select(l => l.Sequence).Order());
        var log = await Store.GetActivitiesAsync(conversation, -1, 100, Timeout);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long?)i), log.Select(l => l.Sequence));
        Assert.Equal(log.Select(l => $"{conversation}|{l.Sequence:D7}"), log.Select(l => l.Activity.Id));
        Assert.All(log.Zip(log.Skip(1)), pair => Assert.True(pair.First.Activity.Timestamp < pair.Second.Activity.Timestamp, "Timestamps grow with the sequence."));
        Assert.Equal(40, log.Select(l => l.Activity.Text).Distinct().Count());
    }

    [Fact]
    public async Task Reading_after_a_watermark_returns_the_later_activities_oldest_first_up_to_the_limit()
    {
        var conversation = await NewConversationAsync();
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendAsync(conversation, Message($"m{i}"), Timeout);
        }

        var page = await Store.GetActivitiesAsync(conversation, afterSequence: 1, maxCount: 2, Timeout);

        Assert.Equal(["m2", "m3"], page.Select(l => l.Activity.Text));
        Assert.Empty(await Store.GetActivitiesAsync(conversation, afterSequence: 4, maxCount: 10, Timeout));
    }

    [Fact]
    public async Task Of_ten_concurrent_starts_exactly_one_wins_and_sets_the_locale()
    {
        var conversation = await NewConversationAsync();
        var startedAt = host.Clock.GetUtcNow();

        var wins = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            Store.TryMarkStartedAsync(conversation, "de-DE", startedAt, Timeout))));

        Assert.Single(wins, won => won);
        var stored = await Store.FindConversationAsync(conversation, Timeout);
        Assert.Equal("de-DE", stored!.Locale);
        Assert.Equal(startedAt.UtcTicks, stored.StartedAt!.Value.UtcTicks);
    }

    [Fact]
    public async Task An_upload_comes_back_byte_for_byte()
    {
        var conversation = await NewConversationAsync();
        byte[] content = [0, 1, 2, 255, 254, .. "Größe"u8];
        var attachment = new StoredAttachment($"att-{Guid.NewGuid():N}", conversation, "application/octet-stream", "bericht.bin", content, host.Clock.GetUtcNow());

        await Store.SaveAttachmentAsync(attachment, Timeout);

        var read = await Store.FindAttachmentAsync(attachment.Id, Timeout);
        Assert.Equal(content, read!.Content);
        Assert.Equal(("application/octet-stream", "bericht.bin"), (read.ContentType, read.Name));
        Assert.Null(await Store.FindAttachmentAsync("no-such-upload", Timeout));
    }

    [Fact]
    public async Task A_transcript_holds_its_conversations_activities_in_the_order_they_were_logged()
    {
        var transcripts = host.Services.GetRequiredService<ITranscriptLogger>();
        foreach (var (conversation, text) in new[] { ("a", "eins"), ("b", "other"), ("a", "zwei"), ("a", "drei") })
        {
            var activity = Message(text);
            activity.ChannelId = "email";
            activity.Conversation = new ConversationAccount { Id = conversation };
            await transcripts.LogActivityAsync(activity, Timeout);
        }

        var transcript = await transcripts.GetTranscriptAsync("email", "a", Timeout);

        Assert.Equal(["eins", "zwei", "drei"], transcript.Select(a => a.Text));
    }

    private async Task<string> NewConversationAsync()
    {
        var id = $"conv-{Guid.NewGuid():N}";
        await Store.CreateConversationAsync(new DirectLineConversation(id, "user-1", "Anna", null, host.Clock.GetUtcNow(), null), Timeout);
        return id;
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount { Id = "user-1", Role = RoleTypes.User },
    };
}

public sealed class DirectLineStoreOnSqliteTests() : DirectLineStoreTests(StorageProvider.Sqlite);

public sealed class DirectLineStoreOnPostgreSqlTests() : DirectLineStoreTests(StorageProvider.PostgreSql);
