using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>What a broken or hostile client sends is refused with the documented error, and nothing half-accepted stays behind.</summary>
public sealed class BadInputTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task Malformed_JSON_gets_400_and_the_conversation_still_works()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.PostActivityAsync(conversation.ConversationId, conversation.Token, """{"type":"message","text":"unfinished""", Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("42")]
    [InlineData("""{"type":5,"text":"hi"}""")]
    [InlineData("""{"type":"message","from":"me"}""")]
    [InlineData("""{"type":"message","attachments":{"contentType":"x"}}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":"","text":"empty type"}""")]
    [InlineData("""{"type":"bogus","text":"unknown type"}""")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"id":"dl_evil"}]}""")]
    public async Task An_activity_of_the_wrong_shape_gets_400(string body)
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.PostActivityAsync(conversation.ConversationId, conversation.Token, body, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    [Fact]
    public async Task With_the_secret_an_activity_without_a_sender_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.PostActivityAsync(conversation.ConversationId, host.Secret, """{"type":"message","text":"who?"}""", Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_activity_over_MaxActivityBytes_gets_413_and_is_not_logged()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:MaxActivityBytes=4096"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var big = JsonSerializer.Serialize(new { type = "message", text = new string('x', 5000) });

        using var response = await host.Client.PostActivityAsync(conversation.ConversationId, conversation.Token, big, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    [Fact]
    public async Task An_activity_over_MaxActivityBytes_sent_without_a_length_gets_413()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:MaxActivityBytes=4096"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var big = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "message", text = new string('x', 50_000) }));
        using var chunked = new StreamContent(new UnknownLengthStream(big));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/activities", conversation.Token, chunked, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    [Fact]
    public async Task An_activity_just_under_the_limit_is_accepted()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:MaxActivityBytes=4096"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var prefix = "{\"type\":\"message\",\"text\":\"";
        var body = prefix + new string('y', 4096 - prefix.Length - 2) + "\"}";
        Assert.Equal(4096, Encoding.UTF8.GetByteCount(body));

        using var response = await host.Client.PostActivityAsync(conversation.ConversationId, conversation.Token, body, Timeout);

        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_script_in_a_message_is_stored_and_echoed_as_plain_text_data()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        const string Markup = "<script>alert(1)</script><img src=x onerror=\"alert(2)\"> & **bold** {{7*7}}";

        await host.Client.SendMessageAsync(conversation, Markup, Timeout);

        using var response = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/activities?watermark=0", conversation.Token, null, Timeout);
        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync(Timeout);
        Assert.DoesNotContain("<script>", raw, StringComparison.OrdinalIgnoreCase);
        var page = DirectLineClient.Page.Parse(raw);
        Assert.Equal(Markup, page.Activities[0].Text);
        Assert.Equal($"You said: {Markup}", page.Activities[1].Text);
    }

    [Fact]
    public async Task An_upload_as_DirectLineJS_sends_it_is_stored_and_downloads_as_an_attachment_never_as_a_page()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var html = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();
        using var form = DirectLineJsUpload(
            """{"type":"message","text":"see file","from":{"id":"x"},"channelData":{"clientActivityID":"up1"},"attachments":[{"contentType":"text/html","name":"evil.html"}]}""",
            ("evil.html", "text/html", html));

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, form, Timeout);

        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        var page = await host.Client.WaitForActivitiesAsync(conversation, "0", a => a.Count >= 2, Timeout);
        var message = page.Activities[0];
        Assert.Equal("see file", message.Text);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("evil.html", attachment.Name);
        Assert.Equal("text/html", attachment.ContentType);
        Assert.Equal("You said: see file (1 file(s) received)", page.Activities[1].Text);

        using var download = await host.Http.GetAsync(new Uri(attachment.ContentUrl!), Timeout);
        await DirectLineClient.EnsureStatusAsync(download, HttpStatusCode.OK);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(html, await download.Content.ReadAsByteArrayAsync(Timeout));
    }

    [Fact]
    public async Task An_upload_over_MaxUploadBytes_gets_413_and_nothing_is_posted()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:MaxUploadBytes=8192"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        using var form = DirectLineJsUpload("""{"type":"message","text":"big"}""", ("big.bin", "application/octet-stream", new byte[10_000]));

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, form, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    /// <summary>Regression: without a Content-Length the multipart reader's own limit used to answer 400 instead of 413.</summary>
    [Fact]
    public async Task An_upload_over_MaxUploadBytes_sent_without_a_length_gets_413()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:MaxUploadBytes=8192"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        using var form = DirectLineJsUpload(null, ("big.bin", "application/octet-stream", new byte[50_000]));
        var bytes = await form.ReadAsByteArrayAsync(Timeout);
        using var chunked = new StreamContent(new UnknownLengthStream(bytes));
        chunked.Headers.ContentType = form.Headers.ContentType;

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, chunked, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    [Fact]
    public async Task An_upload_with_more_files_than_MaxUploadFiles_is_refused_and_nothing_is_posted()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:MaxUploadFiles=2"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        using var form = DirectLineJsUpload(
            """{"type":"message","text":"three files"}""",
            ("a.txt", "text/plain", "a"u8.ToArray()),
            ("b.txt", "text/plain", "b"u8.ToArray()),
            ("c.txt", "text/plain", "c"u8.ToArray()));

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, form, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "TooManyFiles");
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    [Fact]
    public async Task An_upload_without_a_file_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        using var form = DirectLineJsUpload("""{"type":"message","text":"no file"}""");

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, form, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_upload_whose_activity_part_is_not_JSON_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        using var form = DirectLineJsUpload("{not json", ("a.txt", "text/plain", "a"u8.ToArray()));

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, form, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        await AssertStillWorksAndOnlyGreetedBeforeAsync(host, conversation);
    }

    [Fact]
    public async Task A_watermark_the_server_never_issued_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/activities?watermark=abc", conversation.Token, null, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_malformed_start_body_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var generated = await host.Client.GenerateTokenAsync(Timeout);

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations", generated.Token, DirectLineClient.Json("{\"user\":"), Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_stream_URL_opened_as_plain_HTTP_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var url = conversation.StreamUrl!.Replace("ws://", "http://", StringComparison.Ordinal);

        using var response = await host.Http.GetAsync(new Uri(url), Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>The multipart body botframework-directlinejs builds: an <c>activity</c> blob part and one <c>file</c> part per attachment.</summary>
    internal static MultipartFormDataContent DirectLineJsUpload(string? activityJson, params (string Name, string ContentType, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        if (activityJson is not null)
        {
            var activity = new StringContent(activityJson, Encoding.UTF8);
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
        }

        foreach (var (name, contentType, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "file", name);
        }

        return form;
    }

    /// <summary>After a refusal: the log holds only the greeting and a normal message still gets its answer.</summary>
    private static async Task AssertStillWorksAndOnlyGreetedBeforeAsync(DirectLineHost host, DirectLineClient.Conversation conversation)
    {
        var before = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, null, Timeout);
        Assert.Single(before.Activities);

        await host.Client.SendMessageAsync(conversation, "still there?", Timeout);

        var after = await host.Client.WaitForActivitiesAsync(conversation, before.WatermarkString, a => a.Count >= 2, Timeout);
        Assert.Equal(["still there?", "You said: still there?"], after.Activities.Select(a => a.Text ?? string.Empty).ToArray());
        Assert.All(after.Activities, a => Assert.NotEqual(ActivityTypes.ConversationUpdate, a.Type));
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
