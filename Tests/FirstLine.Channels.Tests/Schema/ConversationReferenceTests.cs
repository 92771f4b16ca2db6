namespace FirstLine.Channels.Tests.Schema;

/// <summary>Replies and proactive messages are addressed from the incoming activity.</summary>
public sealed class ConversationReferenceTests
{
    private static Activity Incoming() => new(ActivityTypes.Message)
    {
        Id = "conv1|0000003",
        Text = "Hallo",
        Locale = "de-DE",
        ChannelId = "directline",
        ServiceUrl = "http://localhost:5080/",
        From = new ChannelAccount("dl_user", "Debbie", RoleTypes.User),
        Recipient = new ChannelAccount("firstline", "FirstLine", RoleTypes.Bot),
        Conversation = new ConversationAccount("conv1"),
    };

    [Fact]
    public void A_reply_swaps_sender_and_recipient_and_points_at_the_message()
    {
        var incoming = Incoming();

        var reply = incoming.CreateReply("Sie sagten: Hallo");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("Sie sagten: Hallo", reply.Text);
        Assert.Equal("firstline", reply.From!.Id);
        Assert.Equal("FirstLine", reply.From.Name);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
        Assert.Equal("dl_user", reply.Recipient!.Id);
        Assert.Equal(RoleTypes.User, reply.Recipient.Role);
        Assert.Equal("conv1", reply.Conversation!.Id);
        Assert.Equal("directline", reply.ChannelId);
        Assert.Equal("http://localhost:5080/", reply.ServiceUrl);
        Assert.Equal("conv1|0000003", reply.ReplyToId);
        Assert.Equal("de-DE", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
    }

    [Fact]
    public void A_reply_may_name_another_locale()
    {
        Assert.Equal("en-US", Incoming().CreateReply("Hi", "en-US").Locale);
    }

    [Fact]
    public void The_conversation_reference_names_user_bot_conversation_and_message()
    {
        var reference = Incoming().GetConversationReference();

        Assert.Equal("conv1|0000003", reference.ActivityId);
        Assert.Equal("dl_user", reference.User!.Id);
        Assert.Equal("firstline", reference.Bot!.Id);
        Assert.Equal("conv1", reference.Conversation!.Id);
        Assert.Equal("directline", reference.ChannelId);
        Assert.Equal("de-DE", reference.Locale);
        Assert.Equal("http://localhost:5080/", reference.ServiceUrl);
    }

    [Fact]
    public void The_reference_of_a_conversation_update_names_no_activity_to_reply_to()
    {
        var update = Incoming();
        update.Type = ActivityTypes.ConversationUpdate;
        update.Id = "conv1|start";

        Assert.Null(update.GetConversationReference().ActivityId);
    }

    [Fact]
    public void An_outgoing_activity_addressed_along_a_reference_goes_from_the_bot_to_the_user()
    {
        var reference = Incoming().GetConversationReference();

        var outgoing = Activity.CreateMessageActivity("Ein Mensch übernimmt.").ApplyConversationReference(reference);

        Assert.Equal("firstline", outgoing.From!.Id);
        Assert.Equal("dl_user", outgoing.Recipient!.Id);
        Assert.Equal("conv1", outgoing.Conversation!.Id);
        Assert.Equal("directline", outgoing.ChannelId);
        Assert.Equal("http://localhost:5080/", outgoing.ServiceUrl);
        Assert.Equal("de-DE", outgoing.Locale);
        Assert.Equal("conv1|0000003", outgoing.ReplyToId);
    }

    [Fact]
    public void An_incoming_activity_addressed_along_a_reference_goes_from_the_user_to_the_bot()
    {
        var reference = Incoming().GetConversationReference();

        var incoming = Activity.CreateEventActivity("ContinueConversation").ApplyConversationReference(reference, isIncoming: true);

        Assert.Equal("dl_user", incoming.From!.Id);
        Assert.Equal("firstline", incoming.Recipient!.Id);
        Assert.Equal("conv1", incoming.Conversation!.Id);
        Assert.Equal("conv1|0000003", incoming.Id);
        Assert.Null(incoming.ReplyToId);
    }

    [Fact]
    public void Applying_a_reference_keeps_a_locale_and_reply_target_the_activity_already_has()
    {
        var reference = Incoming().GetConversationReference();
        var outgoing = Activity.CreateMessageActivity("Hello");
        outgoing.Locale = "en-US";
        outgoing.ReplyToId = "conv1|0000001";

        outgoing.ApplyConversationReference(reference);

        Assert.Equal("en-US", outgoing.Locale);
        Assert.Equal("conv1|0000001", outgoing.ReplyToId);
    }
}
