using FirstLine.KnowledgeBase.Language;
using FirstLine.KnowledgeBase.Language.Local;

namespace FirstLine.KnowledgeBase.Tests.Language.Local;

public class LocalTextAnalyzerTests
{
    private readonly LocalTextAnalyzer analyzer = new();

    private Task<TextAnalysis> AnalyzeAsync(string text, string? hint = null) => analyzer.AnalyzeAsync(text, hint, CancellationToken.None);

    [Theory]
    [InlineData("Mein Drucker druckt seit gestern nicht mehr, können Sie mir helfen?", "de")]
    [InlineData("Kritischer Fehler aufgetreten", "de")]
    [InlineData("My laptop will not start since the update this morning.", "en")]
    [InlineData("Mon ordinateur ne démarre plus depuis la mise à jour.", "fr")]
    [InlineData("Mi ordenador no arranca desde la actualización.", "es")]
    [InlineData("O meu computador não liga desde a atualização.", "pt")]
    [InlineData("Il mio computer non si avvia più dopo l'aggiornamento.", "it")]
    [InlineData("Mijn computer start niet meer op sinds de update.", "nl")]
    public async Task Detects_the_language(string text, string expected)
    {
        Assert.Equal(expected, (await analyzer.DetectLanguageAsync(text, CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Emoji_only_text_has_no_language()
    {
        Assert.True((await analyzer.DetectLanguageAsync("😡😡😡 !!!", CancellationToken.None)).IsUnknown);
    }

    [Theory]
    [InlineData("Vielen Dank, das hat super funktioniert!", SentimentLabel.Positive)]
    [InlineData("Das ist wirklich nicht gut.", SentimentLabel.Negative)]
    [InlineData("Der Drucker ist schon wieder kaputt, das ist inakzeptabel!!!", SentimentLabel.Negative)]
    [InlineData("Thanks, that was really helpful.", SentimentLabel.Positive)]
    [InlineData("This is not great at all.", SentimentLabel.Negative)]
    [InlineData("The printer is on the second floor.", SentimentLabel.Neutral)]
    [InlineData("Thanks for the quick help. But the VPN is still broken and I am frustrated.", SentimentLabel.Mixed)]
    public async Task Reads_the_sentiment_with_negation_and_intensifiers(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, (await AnalyzeAsync(text)).Sentiment.Label);
    }

    [Fact]
    public async Task An_intensifier_makes_the_feeling_stronger()
    {
        var plain = await AnalyzeAsync("This is bad.");
        var stronger = await AnalyzeAsync("This is extremely bad!!!");

        Assert.True(stronger.Sentiment.Scores.Negative > plain.Sentiment.Scores.Negative);
    }

    [Fact]
    public async Task Personal_data_is_found_and_redacted()
    {
        const string text = "Mein Name ist Max Mustermann, erreichbar unter +49 170 1234567 oder max.mustermann@example.com. " +
            "IBAN DE89 3704 0044 0532 0130 00, Karte 4111 1111 1111 1111, Rechner 10.0.0.12, mein Passwort ist Sommer2024!";

        var analysis = await AnalyzeAsync(text);

        Assert.Equal(
            ["Person", "PhoneNumber", "Email", "InternationalBankingAccountNumber", "CreditCardNumber", "IPAddress", "Password"],
            analysis.PiiEntities.Select(e => e.Category));
        Assert.All(analysis.PiiEntities, e => Assert.Equal(e.Text, text.Substring(e.Offset, e.Length)));
        Assert.Equal(
            "Mein Name ist [PERSON], erreichbar unter [PHONE] oder [EMAIL]. IBAN [IBAN], Karte [CREDITCARD], Rechner [IP], mein Passwort ist [PASSWORD]!",
            analysis.RedactedText);
    }

    [Theory]
    [InlineData("password: hunter2", "hunter2")]
    [InlineData("Kennwort = Geheim#1", "Geheim#1")]
    [InlineData("my PIN is 4711", "4711")]
    public async Task Stated_secrets_are_found(string text, string secret)
    {
        var entity = Assert.Single((await AnalyzeAsync(text)).PiiEntities);

        Assert.Equal(("Password", secret), (entity.Category, entity.Text));
    }

    [Theory]
    [InlineData("Ich habe mein Passwort vergessen")]
    [InlineData("My password is expired")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")]
    [InlineData("Ticket 2024-05-17 um 10:30")]
    [InlineData("Bestellnummer 4111 1111 1111 1112")]
    public async Task Look_alikes_are_not_personal_data(string text)
    {
        Assert.Empty((await AnalyzeAsync(text)).PiiEntities);
    }

    [Fact]
    public async Task A_signature_name_is_found()
    {
        var analysis = await AnalyzeAsync("Der Drucker geht nicht.\n\nMit freundlichen Grüßen\nAnna Schmidt");

        Assert.Equal("Anna Schmidt", Assert.Single(analysis.PiiEntities).Text);
    }

    [Fact]
    public async Task Key_phrases_name_the_topic_without_personal_data()
    {
        var analysis = await AnalyzeAsync("Der VPN-Client bricht ab. Der VPN-Client meldet Fehler 809. Mail: a@b.de");

        Assert.StartsWith("VPN-Client", analysis.KeyPhrases[0], StringComparison.Ordinal);
        Assert.DoesNotContain(analysis.KeyPhrases, p => p.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markup_is_analysed_as_text_with_correct_offsets()
    {
        const string text = "<p>Bitte an <b>it@example.com</b> schreiben</p>";

        var entity = Assert.Single((await AnalyzeAsync(text)).PiiEntities);

        Assert.Equal("it@example.com", text.Substring(entity.Offset, entity.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Empty_text_is_a_clear_error(string text)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => AnalyzeAsync(text));
    }

    [Fact]
    public async Task Oversized_text_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => AnalyzeAsync(new string('a', ITextAnalyzer.MaxTextLength + 1)));

        Assert.Contains("at most 5120", error.Message, StringComparison.Ordinal);
    }
}
