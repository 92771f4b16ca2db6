using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>The conversation lives in storage, not in the process: a restart between two turns loses nothing.</summary>
public sealed class RestartTranscriptTests
{
    [Fact]
    public async Task German_flow_continues_after_a_restart_between_two_turns()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Mein WLAN geht nicht").AssertReply("Schritt").AssertReply("Flugzeugmodus")
            .Restart()
            .Send("Ja").AssertReply("Kollegen oder auf Ihrem Handy")
            .Restart()
            .Send("zurück").AssertReply("korrigiert").AssertReply("Flugzeugmodus")
            .StartTestAsync();
    }

    [Fact]
    public async Task English_handoff_questions_continue_after_a_restart()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation()
            .Send("agent").AssertReply("person").AssertReply("What is it about")
            .Restart()
            .Send("The beamer in room 4 shows no picture").AssertReply("Who is affected")
            .Restart()
            .Send("Just me").AssertReply("Can you work")
            .StartTestAsync();
    }

    [Fact]
    public async Task State_from_an_older_version_is_reset_with_an_apology()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation().Send("Mein WLAN geht nicht")
            .Do("an older release stored the stack in another shape", async () =>
            {
                var key = $"dialogs/directline/{flow.Adapter.Conversation.Conversation!.Id}";
                var stored = await host.Storage.ReadAsync<FirstLine.Dialogs.Engine.DialogState>(key);
                stored!.Value.Version = 0;
                await host.Storage.WriteAsync(key, stored.Value, stored.ETag);
            })
            .Send("Ja").AssertReply("Entschuldigung")
            .Send("Ich habe mein Passwort vergessen").AssertReply("Passwort vergessen")
            .StartTestAsync();
    }
}
