using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>
/// botframework-directlinejs 0.15.8 (the client inside Web Chat) from Node against FirstLine's Direct Line server.
/// The scenarios live in <c>Tests/clients/directline.test.mjs</c>; each test runs one of its suites.
/// </summary>
[Collection(RealClientsCollection.Name)]
public sealed class DirectLineJsTests(SharedFirstLineServer shared, ITestOutputHelper output)
{
    [Fact]
    public Task DirectLineJS_over_WebSocket_is_greeted_gets_its_echo_and_reply_resumes_from_a_watermark_and_refreshes_its_token() =>
        RealClientRunner.RunDirectLineSuiteAsync(shared.Server, "DirectLineJS over WebSocket", output);

    [Fact]
    public Task DirectLineJS_polling_is_greeted_gets_its_echo_and_reply_resumes_from_a_watermark_and_refreshes_its_token() =>
        RealClientRunner.RunDirectLineSuiteAsync(shared.Server, "DirectLineJS polling", output);

    [Fact]
    public Task DirectLineJS_is_refused_a_WebSocket_with_a_bad_token_and_another_customers_conversation() =>
        RealClientRunner.RunDirectLineSuiteAsync(shared.Server, "DirectLineJS bad input", output);

    [Fact]
    public Task DirectLineJS_sending_a_burst_of_messages_gets_every_one_accepted_and_answered_in_order() =>
        RealClientRunner.RunDirectLineSuiteAsync(shared.Server, "DirectLineJS burst", output);
}
