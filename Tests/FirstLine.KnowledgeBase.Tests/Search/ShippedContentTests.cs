using FirstLine.KnowledgeBase.Search;
using FirstLine.KnowledgeBase.Tests.TestSupport;

namespace FirstLine.KnowledgeBase.Tests.Search;

/// <summary>The sample knowledge base that ships with FirstLine (KnowledgeBase/Content).</summary>
public sealed class ShippedContentTests : IAsyncLifetime
{
    private LuceneKnowledgeBase kb = null!;

    public async Task InitializeAsync() => kb = await KnowledgeBases.LoadAsync(Paths.ShippedContent());

    public Task DisposeAsync()
    {
        kb.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void All_shipped_content_loads_without_problems()
    {
        Assert.Empty(kb.LastLoad.Problems);
        Assert.Contains(kb.Articles, a => a.Language == "de");
        Assert.Contains(kb.Articles, a => a.Language == "en");
    }

    [Fact]
    public void Every_article_exists_in_both_languages()
    {
        var german = kb.Articles.Where(a => a.Language == "de").Select(a => a.Id).Order();
        var english = kb.Articles.Where(a => a.Language == "en").Select(a => a.Id).Order();

        Assert.Equal(german, english);
    }

    [Fact]
    public void Related_articles_exist()
    {
        var missing = kb.Articles.SelectMany(a => a.Related.Where(r => kb.Find(a.Language, r) is null).Select(r => $"{a.Key} -> {r}"));

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Druckerproblem_finds_the_printer_article()
    {
        var result = await kb.SearchAsync("Druckerproblem", null, CancellationToken.None);

        Assert.Equal("de", result.Best?.Article.Language);
        Assert.Contains("print", result.Best!.Article.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ich habe mein Passwort vergessen", "password")]
    [InlineData("I forgot my password", "password")]
    [InlineData("Mein Konto ist gesperrt", "lock")]
    [InlineData("my account is locked", "lock")]
    [InlineData("Ich komme nicht ins VPN", "vpn")]
    [InlineData("VPN does not connect", "vpn")]
    public async Task Representative_questions_find_the_right_article(string query, string idPart)
    {
        var result = await kb.SearchAsync(query, null, CancellationToken.None);

        Assert.NotEqual(SearchDecision.Escalate, result.Decision);
        Assert.Contains(idPart, result.Best!.Article.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wie wird das Wetter morgen in Hamburg?")]
    [InlineData("what is the capital of australia")]
    [InlineData("Können Sie mir ein gutes Rezept für Apfelkuchen empfehlen?")]
    public async Task Out_of_scope_text_escalates(string query)
    {
        var result = await kb.SearchAsync(query, null, CancellationToken.None);

        Assert.Equal(SearchDecision.Escalate, result.Decision);
    }
}
