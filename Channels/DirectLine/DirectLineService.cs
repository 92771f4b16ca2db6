using System.Security.Cryptography;
using FirstLine.Channels.Turns;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace FirstLine.Channels.DirectLine;

/// <summary>
/// What the Direct Line 3.0 operations do, independent of HTTP: tokens, conversations, the activity log.
/// The endpoints parse requests and call this.
/// </summary>
public sealed partial class DirectLineService(
    IDirectLineStore store,
    DirectLineTokens tokens,
    DirectLineAdapter adapter,
    IBot bot,
    TimeProvider time,
    ILogger<DirectLineService> logger)
{
    private const int PageSize = 500;

    public DirectLineTokens Tokens => tokens;

    /// <summary><c>tokens/generate</c>: a token for a new conversation, which is not started yet.</summary>
    public async Task<ConversationResponse> GenerateTokenAsync(DirectLineCaller caller, TokenParameters? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsSecret)
        {
            throw new DirectLineException(403, "Forbidden", "tokens/generate needs the secret, not a token.");
        }

        var conversation = await CreateConversationAsync(parameters, cancellationToken).ConfigureAwait(false);
        return Respond(conversation, streamBase: null, watermark: null);
    }

    /// <summary><c>tokens/refresh</c>: the same conversation and user, a new expiry.</summary>
    public ConversationResponse RefreshToken(DirectLineCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var claims = caller.Token ?? throw DirectLineException.BadArgument("tokens/refresh needs a token, not the secret.");
        return new ConversationResponse(claims.ConversationId, tokens.Issue(claims.ConversationId, claims.UserId), ExpiresInSeconds);
    }

    /// <summary>
    /// <c>POST conversations</c>: starts the token's conversation (or a new one for the secret) and greets
    /// through the bot; <c>Created</c> is false when the token's conversation had already been started.
    /// </summary>
    public async Task<(bool Created, ConversationResponse Conversation)> StartConversationAsync(
        DirectLineCaller caller, TokenParameters? parameters, Uri serviceUrl, Uri streamBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var conversation = caller.IsSecret
            ? await CreateConversationAsync(parameters, cancellationToken).ConfigureAwait(false)
            : await RequireConversationAsync(caller.Token!.ConversationId, cancellationToken).ConfigureAwait(false);

        var locale = parameters?.Locale ?? conversation.Locale;
        var started = await store.TryMarkStartedAsync(conversation.Id, locale, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (started)
        {
            LogConversationStarted(conversation.Id, locale);
            await GreetAsync(conversation with { Locale = locale }, serviceUrl, cancellationToken).ConfigureAwait(false);
        }

        return (started, Respond(conversation, streamBase, watermark: null));
    }

    /// <summary><c>GET conversations/{id}</c>: a fresh token and a stream URL that replays from the watermark.</summary>
    public async Task<ConversationResponse> ReconnectAsync(DirectLineCaller caller, string conversationId, string? watermark, Uri serviceUrl, Uri streamBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.EnsureMayAccess(conversationId);
        var conversation = await RequireConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);

        // A client given the id of a conversation nobody started yet reconnects instead of starting it;
        // start it here so the bot still greets.
        if (conversation.StartedAt is null
            && await store.TryMarkStartedAsync(conversation.Id, conversation.Locale, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            LogConversationStarted(conversation.Id, conversation.Locale);
            await GreetAsync(conversation, serviceUrl, cancellationToken).ConfigureAwait(false);
        }

        return Respond(conversation, streamBase, ParseWatermark(watermark) is var after && after >= 0 ? after.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary><c>GET conversations/{id}/activities</c>.</summary>
    public async Task<ActivitySet> GetActivitiesAsync(DirectLineCaller caller, string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.EnsureMayAccess(conversationId);
        await RequireConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var after = ParseWatermark(watermark);
        var page = await store.GetActivitiesAsync(conversationId, after, PageSize, cancellationToken).ConfigureAwait(false);
        var last = page.Count > 0 ? page[^1].Sequence : after;
        return new ActivitySet(
            [.. page.Where(a => ClientSees(a.Activity)).Select(a => a.Activity)],
            last >= 0 ? last.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : watermark);
    }

    /// <summary>
    /// <c>POST conversations/{id}/activities</c> (and the activity of an upload): stamps the activity as the
    /// channel, logs and echoes it, runs the turn and returns the id. Nothing accepted is lost: the activity
    /// is in the log before the bot sees it.
    /// </summary>
    public async Task<string> PostActivityAsync(DirectLineCaller caller, string conversationId, Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(activity);
        caller.EnsureMayAccess(conversationId);
        await RequireConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            throw DirectLineException.BadArgument("The activity needs a 'type'.");
        }

        if (!ActivityTypes.All.Contains(activity.Type) || activity.IsType(ActivityTypes.ConversationUpdate))
        {
            throw DirectLineException.BadArgument($"Activities of type '{activity.Type}' cannot be sent by a client.");
        }

        var userId = caller.Token?.UserId ?? activity.From?.Id;
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw DirectLineException.BadArgument("The activity needs 'from.id'.");
        }

        activity.Id = null;
        activity.Timestamp = null;
        activity.ChannelId = DirectLineChannel.ChannelId;
        activity.ServiceUrl = serviceUrl.ToString();
        activity.Conversation = new ConversationAccount(conversationId);
        activity.From = new ChannelAccount(userId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = adapter.BotAccount;
        return await adapter.ReceiveAsync(activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores an uploaded file and returns the attachment that points at it.</summary>
    public async Task<Attachment> StoreUploadAsync(string conversationId, string contentType, string? name, byte[] content, Uri baseUrl, CancellationToken cancellationToken)
    {
        var id = NewId(24);
        await store.SaveAttachmentAsync(new StoredAttachment(id, conversationId, contentType, name, content, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new Attachment
        {
            ContentType = contentType,
            Name = name,
            ContentUrl = new Uri(baseUrl, $"{DirectLineChannel.BasePath.TrimStart('/')}/attachments/{id}").ToString(),
        };
    }

    public Task<StoredAttachment?> FindAttachmentAsync(string attachmentId, CancellationToken cancellationToken) =>
        store.FindAttachmentAsync(attachmentId, cancellationToken);

    public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        store.FindConversationAsync(conversationId, cancellationToken);

    public async Task<DirectLineConversation> RequireConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        await store.FindConversationAsync(conversationId, cancellationToken).ConfigureAwait(false) ?? throw DirectLineException.ConversationNotFound();

    /// <summary>Parses a client watermark; empty, missing and "null" mean "from the beginning".</summary>
    public static long ParseWatermark(string? watermark)
    {
        if (string.IsNullOrWhiteSpace(watermark) || watermark == "null")
        {
            return -1;
        }

        return long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw DirectLineException.BadArgument($"'{watermark}' is not a watermark this server issued.");
    }

    /// <summary>conversationUpdate never reaches clients (Direct Line 3.0 §"Activity availability").</summary>
    public static bool ClientSees(Activity activity) => !activity.IsType(ActivityTypes.ConversationUpdate);

    private int ExpiresInSeconds => (int)tokens.Lifetime.TotalSeconds;

    private async Task<DirectLineConversation> CreateConversationAsync(TokenParameters? parameters, CancellationToken cancellationToken)
    {
        var requestedUserId = parameters?.User?.Id;
        if (requestedUserId is not null && !requestedUserId.StartsWith(DirectLineChannel.UserIdPrefix, StringComparison.Ordinal))
        {
            throw DirectLineException.BadArgument($"user.id must start with '{DirectLineChannel.UserIdPrefix}'.");
        }

        var conversation = new DirectLineConversation(
            NewId(16),
            requestedUserId ?? DirectLineChannel.UserIdPrefix + NewId(12),
            parameters?.User?.Name,
            parameters?.Locale,
            time.GetUtcNow(),
            StartedAt: null);
        await store.CreateConversationAsync(conversation, cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    private async Task GreetAsync(DirectLineConversation conversation, Uri serviceUrl, CancellationToken cancellationToken)
    {
        var update = Activity.CreateConversationUpdateActivity();
        update.Id = $"{conversation.Id}|start";
        update.Timestamp = time.GetUtcNow();
        update.ChannelId = DirectLineChannel.ChannelId;
        update.ServiceUrl = serviceUrl.ToString();
        update.Locale = conversation.Locale;
        update.Conversation = new ConversationAccount(conversation.Id);
        update.From = new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User);
        update.Recipient = adapter.BotAccount;
        update.MembersAdded = [adapter.BotAccount, new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User)];
        try
        {
            await adapter.ProcessSilentlyAsync(update, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw DirectLineException.BotFailed(exception);
        }
    }

    private ConversationResponse Respond(DirectLineConversation conversation, Uri? streamBase, string? watermark)
    {
        var token = tokens.Issue(conversation.Id, conversation.UserId);
        string? streamUrl = null;
        if (streamBase is not null)
        {
            var path = $"{DirectLineChannel.BasePath.TrimStart('/')}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream";
            var query = $"?t={Uri.EscapeDataString(token)}" + (watermark is null ? string.Empty : $"&watermark={watermark}");
            streamUrl = new Uri(streamBase, path) + query;
        }

        return new ConversationResponse(conversation.Id, token, ExpiresInSeconds, streamUrl);
    }

    private static string NewId(int bytes) => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started (locale {Locale})")]
    private partial void LogConversationStarted(string conversationId, string? locale);
}
