using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>Microsoft's Web Chat 4.18.1 in headless Chromium, driven by <c>Tests/clients/webchat.mjs</c>.</summary>
[Collection(RealClientsCollection.Name)]
public sealed class WebChatTests(SharedFirstLineServer shared, ITestOutputHelper output)
{
    [Fact]
    public Task Web_Chat_on_the_demo_page_shows_the_greeting_and_answers_a_message_without_send_failures() =>
        RealClientRunner.RunWebChatPhaseAsync(shared.Server, "chat", userDataDirectory: null, output);

    [Fact]
    public Task Web_Chat_uploads_a_file_with_a_message_and_the_file_downloads_again_from_FirstLine() =>
        RealClientRunner.RunWebChatPhaseAsync(shared.Server, "upload", userDataDirectory: null, output);

    [Fact]
    public Task Web_Chat_speaks_German_when_the_demo_page_is_opened_with_lang_de() =>
        RealClientRunner.RunWebChatPhaseAsync(shared.Server, "german", userDataDirectory: null, output);

    [Fact]
    public Task Web_Chat_embedded_in_a_website_on_another_origin_talks_to_FirstLine() =>
        RealClientRunner.RunWebChatPhaseAsync(shared.Server, "embed", userDataDirectory: null, output);
}
