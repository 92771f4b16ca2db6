using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Channels.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Storage;

/// <summary>Conversation state in the real database (SQLite in a temp folder, or PostgreSQL): durable, and guarded by ETags.</summary>
public abstract class ConversationStateStorageTests(StorageProvider provider)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Fact]
    public async Task State_written_before_a_restart_is_read_back_with_the_same_ETag()
    {
        var first = await DirectLineHost.StartAsync(provider: provider);
        await using var disposeFirst = first;
        var state = new DialogState("ask-device", ["Drucker", "Größe ändern"], 3);
        var etag = await Storage(first).WriteAsync("directline/conv1/conversation", state, expectedETag: null, Timeout);
        await first.StopAsync(Timeout);

        await using var second = await first.StartSuccessorAsync(cancellationToken: Timeout);
        var read = await Storage(second).ReadAsync<DialogState>("directline/conv1/conversation", Timeout);

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(state.Step, read.Value.Step);
        Assert.Equal(state.Notes, read.Value.Notes);
        Assert.Equal(state.Attempts, read.Value.Attempts);
    }

    [Fact]
    public async Task A_write_with_a_stale_ETag_throws_StorageConcurrencyException_and_changes_nothing()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var storage = Storage(host);
        var first = await storage.WriteAsync("k", new DialogState("one", [], 0), null, Timeout);
        var second = await storage.WriteAsync("k", new DialogState("two", [], 1), first, Timeout);
        Assert.NotEqual(first, second);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync("k", new DialogState("stale", [], 9), first, Timeout));

        var read = await storage.ReadAsync<DialogState>("k", Timeout);
        Assert.Equal("two", read!.Value.Step);
        Assert.Equal(second, read.ETag);
    }

    [Fact]
    public async Task A_stale_ETag_is_refused_after_a_restart_too()
    {
        var first = await DirectLineHost.StartAsync(provider: provider);
        await using var disposeFirst = first;
        var old = await Storage(first).WriteAsync("k", new DialogState("one", [], 0), null, Timeout);
        await Storage(first).WriteAsync("k", new DialogState("two", [], 0), old, Timeout);
        await first.StopAsync(Timeout);

        await using var second = await first.StartSuccessorAsync(cancellationToken: Timeout);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage(second).WriteAsync("k", new DialogState("stale", [], 0), old, Timeout));
    }

    [Fact]
    public async Task Creating_an_item_that_exists_already_throws()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var storage = Storage(host);
        await storage.WriteAsync("k", new DialogState("one", [], 0), null, Timeout);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync("k", new DialogState("again", [], 0), null, Timeout));
    }

    [Fact]
    public async Task A_star_ETag_overwrites_whatever_is_there()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var storage = Storage(host);
        await storage.WriteAsync("k", new DialogState("one", [], 0), null, Timeout);

        var etag = await storage.WriteAsync("k", new DialogState("forced", [], 0), "*", Timeout);

        var read = await storage.ReadAsync<DialogState>("k", Timeout);
        Assert.Equal("forced", read!.Value.Step);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task Writing_back_an_item_someone_deleted_throws()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var storage = Storage(host);
        var etag = await storage.WriteAsync("k", new DialogState("one", [], 0), null, Timeout);
        await storage.DeleteAsync("k", Timeout);

        Assert.Null(await storage.ReadAsync<DialogState>("k", Timeout));
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync("k", new DialogState("zombie", [], 0), etag, Timeout));
    }

    [Fact]
    public async Task Of_ten_concurrent_writers_with_the_same_ETag_exactly_one_wins()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var storage = Storage(host);
        var etag = await storage.WriteAsync("k", new DialogState("start", [], 0), null, Timeout);

        var attempts = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Winner: i, ETag: (string?)await storage.WriteAsync("k", new DialogState($"writer {i}", [], i), etag, Timeout));
            }
            catch (StorageConcurrencyException)
            {
                return (Winner: i, ETag: (string?)null);
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.ETag is not null);
        var read = await storage.ReadAsync<DialogState>("k", Timeout);
        Assert.Equal($"writer {winner.Winner}", read!.Value.Step);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task Reading_an_item_as_another_type_is_refused()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var storage = Storage(host);
        await storage.WriteAsync("k", new DialogState("one", [], 0), null, Timeout);

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.ReadAsync<OtherState>("k", Timeout));
    }

    [Fact]
    public async Task A_missing_item_reads_as_null()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);

        Assert.Null(await Storage(host).ReadAsync<DialogState>("nothing/here", Timeout));
    }

    private static IStorage Storage(DirectLineHost host) => host.Services.GetRequiredService<IStorage>();

    public sealed record DialogState(string Step, IReadOnlyList<string> Notes, int Attempts);

    public sealed record OtherState(string Name);
}

public sealed class ConversationStateStorageOnSqliteTests() : ConversationStateStorageTests(StorageProvider.Sqlite);

public sealed class ConversationStateStorageOnPostgreSqlTests() : ConversationStateStorageTests(StorageProvider.PostgreSql);
