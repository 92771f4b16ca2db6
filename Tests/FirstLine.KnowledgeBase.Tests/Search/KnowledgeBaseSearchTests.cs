using FirstLine.KnowledgeBase.Search;
using FirstLine.KnowledgeBase.Tests.TestSupport;

namespace FirstLine.KnowledgeBase.Tests.Search;

public sealed class KnowledgeBaseSearchTests : IAsyncLifetime
{
    private LuceneKnowledgeBase kb = null!;

    public async Task InitializeAsync() => kb = await KnowledgeBases.LoadAsync(Paths.Fixtures("kb"));

    public Task DisposeAsync()
    {
        kb.Dispose();
        return Task.CompletedTask;
    }

    private Task<SearchResult> SearchAsync(string query, string? language = null) => kb.SearchAsync(query, language, CancellationToken.None);

    [Theory]
    [InlineData("Druckerproblem", "de")]
    [InlineData("Ich habe ein Druckerproblem", null)]
    [InlineData("Mein Drucker druckt nicht mehr", "de")]
    [InlineData("my printer is not printing", "en")]
    public async Task Printer_questions_find_the_printer_article(string query, string? language)
    {
        var result = await SearchAsync(query, language);

        Assert.Equal("printer-not-printing", result.Best?.Article.Id);
    }

    [Fact]
    public async Task Druckerproblem_finds_the_German_printer_article()
    {
        var result = await SearchAsync("Druckerproblem", "de");

        Assert.Equal(("de", "printer-not-printing"), (result.Best!.Article.Language, result.Best.Article.Id));
        Assert.Contains("druck", result.Best.MatchedTerms);
    }

    [Theory]
    [InlineData("Ich habe mein Kennwort vergessen", "de", "password-reset")]
    [InlineData("my WiFi does not connect", "en", "wlan-no-connection")]
    [InlineData("Mein Notebook ist so langsam", "de", "laptop-slow")]
    [InlineData("my Kennwort expired", "en", "password-reset")]
    public async Task Synonyms_find_articles_written_with_another_word(string query, string language, string expected)
    {
        var result = await SearchAsync(query, language);

        Assert.Equal(expected, result.Best?.Article.Id);
    }

    [Theory]
    [InlineData("Ich habe mein Passwort vergessen", "de")]
    [InlineData("I forgot my password", "en")]
    public async Task A_question_asked_as_written_is_answered(string query, string expectedLanguage)
    {
        var result = await SearchAsync(query);

        Assert.Equal(SearchDecision.Answer, result.Decision);
        Assert.Equal(expectedLanguage, result.Best!.Article.Language);
        Assert.Equal("password-reset", Assert.Single(result.Offers).Article.Id);
    }

    [Theory]
    [InlineData("Wie wird das Wetter morgen in Hamburg?")]
    [InlineData("what is the capital of australia")]
    [InlineData("Können Sie mir ein Rezept für Apfelkuchen schicken?")]
    public async Task Out_of_scope_questions_are_escalated(string query)
    {
        var result = await SearchAsync(query);

        Assert.Equal(SearchDecision.Escalate, result.Decision);
        Assert.Empty(result.Offers);
    }

    [Fact]
    public async Task Emoji_only_text_is_escalated_with_a_reason()
    {
        var result = await SearchAsync("😡😡😡");

        Assert.Equal(SearchDecision.Escalate, result.Decision);
        Assert.Contains("no article", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_query_is_removed_before_searching()
    {
        var result = await SearchAsync("<p onclick=\"x()\">Mein <b>Drucker</b> druckt nicht</p><script>alert('wlan')</script>", "de");

        Assert.Equal("printer-not-printing", result.Best?.Article.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<br/><hr>")]
    public async Task An_empty_query_is_a_clear_error(string query)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SearchAsync(query));

        Assert.Contains("query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_query_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SearchAsync(new string('x', 5000)));

        Assert.Contains("KnowledgeBase:MaxQueryLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Candidates_are_ranked_by_confidence_and_explain_themselves()
    {
        var result = await SearchAsync("VPN Verbindung bricht ab", "de");

        Assert.Equal("vpn-connection", result.Best?.Article.Id);
        Assert.Equal(result.Candidates.OrderByDescending(c => c.Confidence), result.Candidates);
        Assert.All(result.Candidates, c => Assert.InRange(c.Confidence, 0, 1));
        Assert.Contains("VPN-Verbindung", result.Best!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_in_an_unsupported_language_searches_both_languages()
    {
        var result = await SearchAsync("Mon imprimante ne fonctionne pas", "fr");

        Assert.Null(result.Language);
    }

    [Fact]
    public void Find_returns_an_article_by_language_and_id()
    {
        Assert.Equal("Drucker druckt nicht", kb.Find("de", "printer-not-printing")?.Title);
        Assert.Null(kb.Find("de", "no-such-article"));
    }
}
