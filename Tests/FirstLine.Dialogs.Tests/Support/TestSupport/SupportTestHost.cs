using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support;
using FirstLine.Dialogs.Tests.Harness;
using FirstLine.KnowledgeBase;
using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Language.Local;
using FirstLine.KnowledgeBase.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace FirstLine.Dialogs.Tests.Support.TestSupport;

/// <summary>
/// The support bot as the host runs it, in memory: the shipped knowledge base from <c>KnowledgeBase/Content</c>,
/// the local text analyzer, a storage that survives "restarts", and a desk that records calls.
/// </summary>
public sealed class SupportTestHost
{
    private static readonly Lazy<Task<LuceneKnowledgeBase>> SharedKnowledgeBase = new(LoadKnowledgeBaseAsync);

    public InMemorySupportDesk Desk { get; } = new();

    public IStorage Storage { get; } = new MemoryStorage();

    public SupportOptions Options { get; } = new();

    public static string RepositoryPath(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
            {
                return Path.Combine([folder.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("The repository (Bot.sln) was not found above the test binaries.");
    }

    public static Task<LuceneKnowledgeBase> KnowledgeBaseAsync() => SharedKnowledgeBase.Value;

    /// <summary>A new bot over the same storage and desk: what a restarted server would run.</summary>
    public async Task<SupportBot> NewBotAsync() => NewBot(await KnowledgeBaseAsync());

    public SupportBot NewBot(IKnowledgeBase knowledgeBase) =>
        new(knowledgeBase, new LocalTextAnalyzer(), Desk, Storage, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DialogRunner>.Instance);

    /// <summary>A transcript test in Web Chat style with the client's <paramref name="locale"/>; <c>Restart()</c> builds a new bot.</summary>
    public async Task<TestFlow> ChatAsync(string? locale, string channelId = "directline")
    {
        var knowledgeBase = await KnowledgeBaseAsync();
        return new TestFlow(new TestAdapter(channelId, locale: locale), () => NewBot(knowledgeBase));
    }

    private static async Task<LuceneKnowledgeBase> LoadKnowledgeBaseAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new KnowledgeBaseOptions { Path = RepositoryPath("KnowledgeBase", "Content"), WatchForChanges = false });
        var knowledgeBase = new LuceneKnowledgeBase(options, new KnowledgeBaseLoader());
        await knowledgeBase.ReloadAsync(CancellationToken.None);
        return knowledgeBase;
    }
}
