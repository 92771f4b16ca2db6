using FirstLine.Dialogs.Engine;

namespace FirstLine.Dialogs.Tests.Engine.Recognizers;

public sealed class ChoiceRecognizerTests
{
    private static readonly Choice[] Problems =
    [
        new("Drucker", ["Printer", "druckt nicht"]),
        new("WLAN", ["WiFi", "Wireless", "Internet"]),
        new("Passwort vergessen", ["Kennwort", "password", "reset"]),
    ];

    [Theory]
    [InlineData("Drucker", 0)]
    [InlineData("drucker", 0)]
    [InlineData("WLAN!", 1)]
    [InlineData("passwort vergessen", 2)]
    [InlineData("1", 0)]
    [InlineData("2", 1)]
    [InlineData("3.", 2)]
    [InlineData("Nr. 2", 1)]
    [InlineData("die zweite", 1)]
    [InlineData("Die zweite bitte", 1)]
    [InlineData("zweitens", 1)]
    [InlineData("der dritte", 2)]
    [InlineData("die letzte", 2)]
    [InlineData("ich nehme die erste", 0)]
    [InlineData("the second", 1)]
    [InlineData("the second one", 1)]
    [InlineData("2nd", 1)]
    [InlineData("first", 0)]
    [InlineData("last one", 2)]
    [InlineData("option 3", 2)]
    [InlineData("Printer", 0)]
    [InlineData("wifi", 1)]
    [InlineData("Kennwort", 2)]
    [InlineData("mein Passwort", 2)]
    [InlineData("Ich habe mein Passwort vergessen", 2)]
    [InlineData("das WLAN geht nicht", 1)]
    [InlineData("der Drucker druckt nicht", 0)]
    [InlineData("Druckers", 0)]
    public void Finds_the_choice(string text, int expectedIndex)
    {
        var found = ChoiceRecognizer.Recognize(text, Problems, "de-DE");

        Assert.NotNull(found);
        Assert.Equal(expectedIndex, found.Index);
        Assert.Equal(Problems[expectedIndex].Value, found.Value);
    }

    [Fact]
    public void Names_the_synonym_that_matched()
    {
        var found = ChoiceRecognizer.Recognize("wifi", Problems, "en-US");

        Assert.Equal(new FoundChoice("WLAN", 1, 1.0, "WiFi"), found);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("🙂")]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("die fünfte")]
    [InlineData("Bildschirm flackert")]
    [InlineData("Drucker oder WLAN")]
    [InlineData("1 und 2")]
    public void Says_nothing_when_the_answer_names_no_single_choice(string? text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Problems, "de-DE"));

    [Fact]
    public void An_exact_title_wins_over_a_position()
    {
        Choice[] ratings = [new("5"), new("4"), new("3"), new("2"), new("1")];

        Assert.Equal(0, ChoiceRecognizer.Recognize("5", ratings, "de-DE")!.Index);
    }

    [Fact]
    public void Copes_with_ten_thousand_characters() =>
        Assert.Null(ChoiceRecognizer.Recognize(string.Concat(Enumerable.Repeat("bla ", 2_500)), Problems, "de-DE"));
}
