using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.KnowledgeBase.Tests.Articles;

public class ArticleParserTests
{
    private const string Header = """
        ---
        id: sample
        language: de
        title: "Beispiel"
        category: test
        questions: ["Wie geht das?"]
        """;

    [Fact]
    public void All_keys_are_read_into_the_article()
    {
        var article = ArticleParser.Parse("x/de/sample.md", """
            ---
            id: sample
            language: de
            title: "Beispiel"
            category: test
            questions:
              - "Wie geht das?"
              - "Was muss ich tun?"
            tags: [eins, zwei]
            related: [other]
            queue: workplace
            serviceRequest: true
            summary: "Ein Satz."
            ---

            Der **Text**.
            """, []);

        Assert.Equal(new ArticleKey("de", "sample"), article.Key);
        Assert.Equal(["Wie geht das?", "Was muss ich tun?"], article.Questions);
        Assert.Equal(["eins", "zwei"], article.Tags);
        Assert.Equal(["other"], article.Related);
        Assert.Equal("workplace", article.Queue);
        Assert.True(article.ServiceRequest);
        Assert.Equal("Ein Satz.", article.Summary);
        Assert.Equal("Der **Text**.", article.Body);
        Assert.Null(article.Flow);
    }

    [Fact]
    public void Unknown_keys_are_a_warning_not_an_error()
    {
        var warnings = new List<string>();
        var article = ArticleParser.Parse("sample.md", Header + "\nowner: it-team\n---\nText", warnings);

        Assert.Equal("sample", article.Id);
        Assert.Contains(warnings, w => w.Contains("'owner'", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_names_the_line()
    {
        var error = Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("bad.md", """
            ---
            id: bad
            title: "not closed
            language: de
            ---
            """, []));

        Assert.Contains("YAML error at line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("category")]
    [InlineData("questions")]
    [InlineData("language")]
    public void A_missing_required_key_is_named(string key)
    {
        var lines = Header.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal));
        var error = Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("x.md", string.Join('\n', lines) + "\n---\n", []));

        Assert.Contains($"missing required key '{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_language_is_refused()
    {
        var error = Assert.Throws<ArticleFormatException>(() =>
            ArticleParser.Parse("x.md", Header.Replace("language: de", "language: fr", StringComparison.Ordinal) + "\n---\n", []));

        Assert.Contains("language 'fr' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_front_matter_is_refused()
    {
        var error = Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("x.md", "# Just markdown", []));

        Assert.Contains("'---'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_language_key_wins_over_the_folder_with_a_warning()
    {
        var warnings = new List<string>();
        var article = ArticleParser.Parse(Path.Combine("kb", "en", "x.md"), Header + "\n---\n", warnings);

        Assert.Equal("de", article.Language);
        Assert.Contains(warnings, w => w.Contains("differs from the folder 'en'", StringComparison.Ordinal));
    }
}
