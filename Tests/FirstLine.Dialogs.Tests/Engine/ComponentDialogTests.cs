using System.Text.Json;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine;

public sealed class ComponentDialogTests
{
    [Fact]
    public async Task Inner_waterfall_and_prompts_survive_restarts_and_the_result_reaches_the_outer_dialog()
    {
        var storage = new RawJsonStorage();
        var adapter = new TestAdapter(locale: "de-DE");
        await new TestFlow(adapter, () => new DialogTestBot(storage, OuterDialogs, "outer"))
            .Send("Hallo")
            .AssertReply("Wie lautet Ihre E-Mail-Adresse?")
            .Restart()
            .Send("erika@firma.de")
            .AssertReply("Dürfen wir Sie anrufen?")
            .AssertSuggestedActions("Ja", "Nein")
            .Restart()
            .Send("jo")
            .AssertReply("Kontakt: erika@firma.de, Anruf: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_component_is_one_entry_on_the_outer_stack_holding_its_inner_stack()
    {
        var storage = new RawJsonStorage();
        var adapter = new TestAdapter(locale: "de-DE");
        await new TestFlow(adapter, new DialogTestBot(storage, OuterDialogs(), "outer"))
            .Send("Hallo")
            .Send("erika@firma.de")
            .AssertReply("Dürfen wir Sie anrufen?")
            .StartTestAsync();

        using var json = JsonDocument.Parse(storage.GetJson($"dialogs/test/{adapter.Conversation.Conversation!.Id}")!);
        var outer = json.RootElement.GetProperty("stack");
        Assert.Equal(["contact", "outer"], outer.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var inner = outer[0].GetProperty("state").GetProperty("stack");
        Assert.Equal(["call", "contact-steps"], inner.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_interruption_caught_by_the_component_cancels_its_inner_dialogs()
    {
        var storage = new MemoryStorage();
        var bot = new DialogTestBot(storage, () => new DialogSet().Add(new ContactDialog()), "contact");
        await new TestFlow(new TestAdapter(locale: "de-DE"), bot)
            .Send("Hallo")
            .AssertReply("E-Mail-Adresse")
            .Send("abbrechen")
            .AssertReply("Abgebrochen.")
            .AssertNoReply()
            .Send("Hallo nochmal")
            .AssertReply("E-Mail-Adresse")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, bot.Results[1].Status);
    }

    private static DialogSet OuterDialogs() => new DialogSet()
        .Add(new ContactDialog())
        .Add(new WaterfallDialog<AskOnce.NoState>("outer", [
            (step, ct) => step.BeginDialogAsync("contact", null, ct),
            async (step, ct) =>
            {
                var contact = (Contact)step.Result!;
                await step.Context.SendActivityAsync($"Kontakt: {contact.Email}, Anruf: {contact.MayCall}", cancellationToken: ct);
                return await step.EndDialogAsync(contact, ct);
            },
        ]));

    private sealed class Contact
    {
        public string? Email { get; set; }

        public bool MayCall { get; set; }
    }

    /// <summary>Asks for contact details in an inner waterfall; "abbrechen" cancels it from anywhere inside.</summary>
    private sealed class ContactDialog : ComponentDialog
    {
        public ContactDialog()
            : base("contact")
        {
            AddDialog(new WaterfallDialog<Contact>("contact-steps", [
                (step, ct) => step.PromptAsync("email", new PromptOptions { Prompt = Activity.CreateMessageActivity("Wie lautet Ihre E-Mail-Adresse?") }, ct),
                (step, ct) =>
                {
                    step.State.Email = (string)step.Result!;
                    return step.PromptAsync("call", new PromptOptions { Prompt = Activity.CreateMessageActivity("Dürfen wir Sie anrufen?") }, ct);
                },
                (step, ct) =>
                {
                    step.State.MayCall = (bool)step.Result!;
                    return step.EndDialogAsync(step.State, ct);
                },
            ]));
            AddDialog(new EmailPrompt("email"));
            AddDialog(new ConfirmPrompt("call"));
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            if (string.Equals(innerDc.Context.Activity.Text, "abbrechen", StringComparison.OrdinalIgnoreCase))
            {
                await innerDc.Context.SendActivityAsync("Abgebrochen.", cancellationToken: cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            }

            return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }
}
