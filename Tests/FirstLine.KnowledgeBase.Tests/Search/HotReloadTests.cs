using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Search;
using FirstLine.KnowledgeBase.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FirstLine.KnowledgeBase.Tests.Search;

public class HotReloadTests
{
    private const string Vpn = "---\nid: vpn\nlanguage: en\ntitle: \"VPN drops\"\ncategory: network\nquestions: [\"The VPN keeps disconnecting\"]\n---\n";
    private const string Printer = "---\nid: printer\nlanguage: en\ntitle: \"Printer jammed\"\ncategory: hardware\nquestions: [\"Paper is stuck in the printer\"]\n---\n";

    [Fact]
    public async Task Reload_serves_added_and_forgets_deleted_articles()
    {
        using var folder = new TemporaryFolder();
        var vpn = folder.Write("en/vpn.md", Vpn);
        using var kb = await KnowledgeBases.LoadAsync(folder.Path);

        folder.Write("en/printer.md", Printer);
        File.Delete(vpn);
        await kb.ReloadAsync(CancellationToken.None);

        Assert.Equal(["printer"], kb.Articles.Select(a => a.Id));
        Assert.Equal("printer", (await kb.SearchAsync("paper stuck in printer", "en", CancellationToken.None)).Best?.Article.Id);
    }

    [Fact]
    public async Task The_watcher_makes_an_edit_searchable_within_seconds()
    {
        using var folder = new TemporaryFolder();
        folder.Write("en/vpn.md", Vpn);
        var options = Options.Create(new KnowledgeBaseOptions { Path = folder.Path, ReloadDelay = TimeSpan.FromMilliseconds(100) });
        using var kb = new LuceneKnowledgeBase(options, new KnowledgeBaseLoader());
        using var watcher = new KnowledgeBaseWatcher(kb, options, NullLogger<KnowledgeBaseWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        folder.Write("en/printer.md", Printer);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (kb.Find("en", "printer") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await watcher.StopAsync(CancellationToken.None);
        Assert.NotNull(kb.Find("en", "printer"));
    }
}
