using FirstLine.Dialogs.Support;
using FirstLine.Dialogs.Support.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FirstLine.Dialogs.Tests.Support.Units;

public sealed class UnderstandingTests
{
    [Theory]
    [InlineData("Mitarbeiter", Interruption.Human)]
    [InlineData("Ich möchte bitte mit einem echten Menschen sprechen", Interruption.Human)]
    [InlineData("Can I talk to a real person please", Interruption.Human)]
    [InlineData("Neuer Mitarbeiter braucht einen Laptop", Interruption.None)]
    [InlineData("abbrechen", Interruption.Cancel)]
    [InlineData("cancel please", Interruption.Cancel)]
    [InlineData("von vorn", Interruption.StartOver)]
    [InlineData("let's start over", Interruption.StartOver)]
    [InlineData("reset my password", Interruption.None)]
    [InlineData("Hilfe", Interruption.Help)]
    [InlineData("???", Interruption.None)]
    [InlineData("English please", Interruption.SwitchToEnglish)]
    [InlineData("auf Deutsch bitte", Interruption.SwitchToGerman)]
    public void Commands_are_recognised_only_as_commands(string text, Interruption expected) =>
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));

    [Theory]
    [InlineData("ich meinte ja", true, "ja")]
    [InlineData("zurück", true, null)]
    [InlineData("sorry, I meant no", true, "no")]
    [InlineData("Ja", false, null)]
    public void Corrections_carry_the_new_answer(string text, bool isCorrection, string? answer)
    {
        Assert.Equal(isCorrection, Correction.TryParse(text, out var newAnswer));
        Assert.Equal(answer, newAnswer);
    }

    [Fact]
    public void Markup_is_removed_and_long_text_cut_at_a_word()
    {
        var message = CustomerMessage.From("<p>Hallo <script>evil()</script><b>Welt</b></p> &amp; mehr " + new string('x', 50) + " ende", 40);
        Assert.StartsWith("Hallo Welt & mehr", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", message.Text, StringComparison.Ordinal);
        Assert.True(message.WasTruncated);
        Assert.True(CustomerMessage.From("👍🎉", 100).HasNoWords);
    }

    [Fact]
    public void Options_are_validated_at_start_with_every_problem_named()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Support:MaxFailedAttempts"] = "0", ["Support:MaxMessageLength"] = "10" })
            .Build();
        using var provider = new ServiceCollection().AddSupportDialogs(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SupportOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("MaxFailedAttempts", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxMessageLength", StringComparison.Ordinal));
    }
}
