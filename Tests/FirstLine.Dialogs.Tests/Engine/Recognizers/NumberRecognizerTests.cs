using FirstLine.Dialogs.Engine;

namespace FirstLine.Dialogs.Tests.Engine.Recognizers;

public sealed class NumberRecognizerTests
{
    [Theory]
    [InlineData("2", "de-DE", "2")]
    [InlineData("zwei", "de-DE", "2")]
    [InlineData("Zwölf Leute", "de-DE", "12")]
    [InlineData("2,5", "de-DE", "2.5")]
    [InlineData("2.5", "de-DE", "2.5")]
    [InlineData("1.000", "de-DE", "1000")]
    [InlineData("1.234,5", "de-DE", "1234.5")]
    [InlineData("ungefähr 15 Kollegen", "de-DE", "15")]
    [InlineData("-3", "de-DE", "-3")]
    [InlineData("three", "en-US", "3")]
    [InlineData("2.5", "en-US", "2.5")]
    [InlineData("1,000", "en-US", "1000")]
    [InlineData("1,234.5", "en-US", "1234.5")]
    [InlineData("about 20 people", "en-US", "20")]
    public void Finds_the_number(string text, string locale, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NumberRecognizer.Recognize(text, locale));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("viele")]
    [InlineData("🔢")]
    public void Says_nothing_without_a_number(string? text) => Assert.Null(NumberRecognizer.Recognize(text, "de-DE"));

    [Fact]
    public void Copes_with_a_number_too_long_for_any_type() => Assert.Null(NumberRecognizer.Recognize(new string('9', 10_000), "de-DE"));
}
