using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Prompts;

public sealed class EmailPromptTests
{
    [Fact]
    public async Task Finds_the_address_in_a_sentence()
    {
        await AskOnce.Flow(new EmailPrompt("email"), Options)
            .Send("Hallo")
            .AssertReply("E-Mail-Adresse")
            .Send("Klar, das ist erika.muster@firma.de")
            .AssertReply("result: erika.muster@firma.de$")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_invalid_address_gets_an_example()
    {
        await AskOnce.Flow(new EmailPrompt("email"), Options)
            .Send("Hallo")
            .Send("erika@firma")
            .AssertReply("Bitte schreiben Sie eine gültige E-Mail-Adresse, zum Beispiel max.muster@firma.de.")
            .Send("erika@firma.de")
            .AssertReply("result: erika@firma.de")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_can_require_the_company_domain()
    {
        PromptValidator<string> companyOnly = async (prompt, ct) =>
        {
            if (prompt.Recognized.Value?.EndsWith("@firma.de", StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }

            await prompt.Context.SendActivityAsync("Bitte nutzen Sie Ihre Firmenadresse (…@firma.de).", cancellationToken: ct);
            return false;
        };
        await AskOnce.Flow(new EmailPrompt("email", companyOnly), Options)
            .Send("Hallo")
            .Send("erika@gmail.com")
            .AssertReply("Firmenadresse")
            .Send("erika@firma.de")
            .AssertReply("result: erika@firma.de")
            .StartTestAsync();
    }

    private static PromptOptions Options() => new() { Prompt = Activity.CreateMessageActivity("Wie lautet Ihre E-Mail-Adresse?") };
}
