using System.Text.Json;
using System.Text.Json.Nodes;

namespace FirstLine.Channels.Tests.Schema;

/// <summary>The Activity model on the wire: what comes in goes out again, in the Bot Framework JSON dialect.</summary>
public sealed class ActivityJsonTests
{
    /// <summary>
    /// What Web Chat 4.18 posts (protocols.md §1.8/§2.5), enriched with properties we do not model on every level,
    /// so a round trip proves nothing is dropped anywhere.
    /// </summary>
    private const string WebChatActivity = """
        {
          "type": "message",
          "id": "FBfSqjVTqId8YuZUagotOF-us|0000000",
          "timestamp": "2026-06-12T12:53:39.4222445Z",
          "localTimestamp": "2026-06-12T14:53:39.123+02:00",
          "localTimezone": "Europe/Berlin",
          "serviceUrl": "https://directline.botframework.com/",
          "channelId": "directline",
          "from": { "id": "dl_f4bb144f", "name": "Debbie", "role": "user", "x-tenant": { "region": "eu", "tier": 3 } },
          "conversation": { "id": "FBfSqjVTqId8YuZUagotOF-us", "isGroup": false, "tenantId": "contoso", "x-route": { "queue": ["it", "hr"] } },
          "recipient": { "id": "firstline", "name": "FirstLine", "role": "bot" },
          "textFormat": "plain",
          "locale": "de-DE",
          "text": "Mein Drucker druckt nicht – „Fehler 0x5“",
          "attachmentLayout": "carousel",
          "attachments": [
            {
              "contentType": "application/vnd.microsoft.card.adaptive",
              "content": { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Hi", "wrap": true } ],
                           "actions": [ { "type": "Action.Submit", "data": { "__isBotFrameworkCardAction": true, "type": "postBack", "value": { "k": 1 } } } ] },
              "name": "card",
              "x-attachment-extra": { "nested": [1, 2.5, "three", true] }
            },
            { "contentType": "image/png", "contentUrl": "https://example.org/a.png", "thumbnailUrl": "https://example.org/t.png", "name": "a.png" }
          ],
          "entities": [
            { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": true, "supportsTts": true },
            { "type": "Place", "address": "Hauptstraße 1", "geo": { "type": "GeoCoordinates", "latitude": 52.52, "longitude": 13.405 } }
          ],
          "suggestedActions": {
            "to": ["dl_f4bb144f"],
            "actions": [ { "type": "imBack", "title": "Ja", "value": "ja", "x-action-extra": "kept" } ]
          },
          "channelData": {
            "clientActivityID": "1566333430470p5cbxdwg1x",
            "webchat:sequence-id": 42,
            "nested": { "deep": [ { "x": 1, "y": [ { "z": "ü" } ] } ], "flag": false, "empty": {} }
          },
          "value": { "form": { "fields": [ "a", "b" ] } },
          "replyToId": "FBfSqjVTqId8YuZUagotOF-us|0000000",
          "inputHint": "expectingInput",
          "x-unknown-top-level": { "deeply": { "nested": [ { "a": "b" } ] } },
          "futureField": 7
        }
        """;

    /// <summary>The user's "Hello" of the Emulator transcript (shared/reference/botframework/transcripts/sample-conversation.transcript).</summary>
    private const string TranscriptUserMessage = """
        {"text": "Hello", "textFormat": "plain", "type": "message", "channelData": {"clientActivityID": "1566333430470p5cbxdwg1x"}, "channelId": "emulator", "from": {"id": "57efe82e-483f-4ce5-aff3-09ac73c46472", "name": "User", "role": "user"}, "locale": "en-US", "timestamp": "2019-08-20T20:37:10.476Z", "entities": [{"requiresBotState": true, "supportsListening": true, "supportsTts": true, "type": "ClientCapabilities"}], "conversation": {"id": "45b27fe0-c38a-11e9-a3eb-39b17536417c|livechat"}, "id": "48bd27d0-c38a-11e9-a495-75f341346f4b", "localTimestamp": "2019-08-20T13:37:10-07:00", "recipient": {"id": "92e19130-c37f-11e9-aaf4-234c3b063205", "name": "Bot", "role": "bot"}, "serviceUrl": "http://localhost:53559"}
        """;

    /// <summary>The first conversationUpdate of the same transcript.</summary>
    private const string TranscriptConversationUpdate = """
        {"type": "conversationUpdate", "membersAdded": [{"id": "92e19130-c37f-11e9-aaf4-234c3b063205", "name": "Bot"}], "channelId": "emulator", "conversation": {"id": "45b27fe0-c38a-11e9-a3eb-39b17536417c|livechat"}, "id": "45c5b9c0-c38a-11e9-a495-75f341346f4b", "localTimestamp": "2019-08-20T13:37:05-07:00", "recipient": {"id": "92e19130-c37f-11e9-aaf4-234c3b063205", "name": "Bot", "role": "bot"}, "timestamp": "2019-08-20T20:37:05.499Z", "from": {"id": "57efe82e-483f-4ce5-aff3-09ac73c46472", "name": "User"}, "locale": "en-US", "serviceUrl": "http://localhost:53559"}
        """;

    [Fact]
    public void A_Web_Chat_activity_survives_a_round_trip_with_every_field_and_every_unknown_property()
    {
        var activity = BotJson.Deserialize<Activity>(WebChatActivity)!;

        var written = BotJson.Serialize(activity);

        AssertSameJson(WebChatActivity, written);
    }

    [Fact]
    public void Known_fields_are_read_into_the_model_and_unknown_ones_into_the_extension_data()
    {
        var activity = BotJson.Deserialize<Activity>(WebChatActivity)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 12, 53, 39, TimeSpan.Zero).AddTicks(4222445), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("dl_f4bb144f", activity.From!.Id);
        Assert.Equal(RoleTypes.User, activity.From.Role);
        Assert.True(activity.From.Properties!.ContainsKey("x-tenant"));
        Assert.Equal("contoso", activity.Conversation!.TenantId);
        Assert.True(activity.Conversation.Properties!.ContainsKey("x-route"));
        Assert.Equal(2, activity.Attachments!.Count);
        Assert.True(activity.Attachments[0].Properties!.ContainsKey("x-attachment-extra"));
        Assert.Equal("ClientCapabilities", activity.Entities![0].Type);
        Assert.True(activity.Entities[0].Properties!["requiresBotState"].GetBoolean());
        Assert.Equal("kept", activity.SuggestedActions!.Actions![0].Properties!["x-action-extra"].GetString());
        Assert.Equal(7, activity.Properties!["futureField"].GetInt32());
        var channelData = Assert.IsType<JsonElement>(activity.ChannelData);
        Assert.Equal("1566333430470p5cbxdwg1x", channelData.GetProperty("clientActivityID").GetString());
    }

    [Theory]
    [InlineData(TranscriptUserMessage)]
    [InlineData(TranscriptConversationUpdate)]
    public void Activities_of_the_Emulator_transcript_survive_a_round_trip(string json)
    {
        var written = BotJson.Serialize(BotJson.Deserialize<Activity>(json)!);

        // Only the timestamp's spelling changes: the same instant, written with seven fractional digits.
        var expected = JsonNode.Parse(json)!.AsObject();
        var instant = DateTimeOffset.Parse(expected["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        expected["timestamp"] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        AssertSameJson(expected.ToJsonString(), written);
    }

    [Fact]
    public void Properties_are_written_in_camel_case_and_nulls_are_omitted()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = "hi",
            From = new ChannelAccount("u1"),
            Conversation = new ConversationAccount("c1"),
            ReplyToId = null,
            Attachments = null,
            InputHint = InputHints.AcceptingInput,
        };

        var json = JsonNode.Parse(BotJson.Serialize(activity))!.AsObject();

        Assert.Equal(["conversation", "from", "inputHint", "text", "type"], json.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("""{"id":"u1"}""", json["from"]!.ToJsonString());
        Assert.Equal("""{"id":"c1"}""", json["conversation"]!.ToJsonString());
        Assert.DoesNotContain("null", BotJson.Serialize(activity), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-06-12T14:53:39.4222445+02:00", "2026-06-12T12:53:39.4222445Z")]
    [InlineData("2026-06-12T12:53:39Z", "2026-06-12T12:53:39.0000000Z")]
    [InlineData("2026-01-01T00:30:00-05:00", "2026-01-01T05:30:00.0000000Z")]
    public void Timestamps_are_written_as_UTC_with_Z_and_seven_fractional_digits(string timestamp, string expected)
    {
        var activity = new Activity(ActivityTypes.Message) { Timestamp = DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) };

        var json = JsonNode.Parse(BotJson.Serialize(activity))!;

        Assert.Equal(expected, json["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public void A_timestamp_with_an_offset_is_read_as_the_same_instant()
    {
        var activity = BotJson.Deserialize<Activity>("""{"type":"message","timestamp":"2026-06-12T14:00:00+02:00"}""")!;

        Assert.Equal(new DateTimeOffset(2026, 6, 12, 12, 0, 0, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal("2026-06-12T12:00:00.0000000Z", JsonNode.Parse(BotJson.Serialize(activity))!["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public void The_local_timestamp_keeps_the_clients_offset()
    {
        var activity = BotJson.Deserialize<Activity>("""{"type":"message","localTimestamp":"2019-08-20T13:37:10-07:00"}""")!;

        Assert.Equal("2019-08-20T13:37:10-07:00", JsonNode.Parse(BotJson.Serialize(activity))!["localTimestamp"]!.GetValue<string>());
    }

    /// <summary>Activity spec A3090 (regression: it used to go out with "+00:00").</summary>
    [Fact]
    public void Expiration_is_written_as_UTC_with_Z()
    {
        var activity = new Activity(ActivityTypes.Message) { Expiration = new DateTimeOffset(2026, 6, 12, 14, 0, 0, TimeSpan.FromHours(2)) };

        var json = JsonNode.Parse(BotJson.Serialize(activity))!;

        Assert.EndsWith("Z", json["expiration"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("2026-06-12T12:00:00", json["expiration"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_text_is_escaped_on_the_wire_and_read_back_unchanged()
    {
        const string Markup = "<script>alert(1)</script> & \"quotes\" 'single'";
        var activity = new Activity(ActivityTypes.Message) { Text = Markup };

        var json = BotJson.Serialize(activity);

        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Equal(Markup, BotJson.Deserialize<Activity>(json)!.Text);
    }

    [Fact]
    public void German_text_stays_readable_in_the_json()
    {
        var json = BotJson.Serialize(new Activity(ActivityTypes.Message) { Text = "Größe ändern, Grüße" });

        Assert.Contains("Größe ändern, Grüße", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_activity_type_the_spec_defines_is_known()
    {
        string[] spec =
        [
            "message", "contactRelationUpdate", "conversationUpdate", "typing", "endOfConversation", "event", "invoke",
            "deleteUserData", "messageUpdate", "messageDelete", "installationUpdate", "messageReaction", "suggestion",
            "trace", "handoff",
        ];

        Assert.All(spec, type => Assert.Contains(type, ActivityTypes.All));
    }

    [Fact]
    public void A_conversation_reference_round_trips_with_unknown_properties()
    {
        const string Json = """{"activityId":"c|0000001","user":{"id":"dl_u","role":"user"},"bot":{"id":"firstline","name":"FirstLine","role":"bot"},"conversation":{"id":"c"},"channelId":"directline","locale":"de-DE","serviceUrl":"http://localhost:5080/","x-extra":{"a":1}}""";

        AssertSameJson(Json, BotJson.Serialize(BotJson.Deserialize<ConversationReference>(Json)!));
    }

    internal static void AssertSameJson(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actualNode),
            $"JSON differs.{Environment.NewLine}expected: {expectedNode!.ToJsonString()}{Environment.NewLine}actual:   {actualNode!.ToJsonString()}");
    }
}
