using FirstLine.Dialogs.Engine;

namespace FirstLine.Dialogs.Tests.Engine.Recognizers;

public sealed class EmailRecognizerTests
{
    [Theory]
    [InlineData("erika@firma.de", "erika@firma.de")]
    [InlineData("Meine Adresse ist erika.muster@firma.de.", "erika.muster@firma.de")]
    [InlineData("you can reach me at j.doe+support@mail.example.co.uk, thanks", "j.doe+support@mail.example.co.uk")]
    public void Finds_the_address(string text, string expected) => Assert.Equal(expected, EmailRecognizer.Recognize(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("erika@firma")]
    [InlineData("erika at firma dot de")]
    [InlineData("@firma.de")]
    [InlineData("erika..muster@firma.de")]
    [InlineData("📧")]
    public void Says_nothing_without_a_valid_address(string? text) => Assert.Null(EmailRecognizer.Recognize(text));
}
