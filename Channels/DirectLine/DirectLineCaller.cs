namespace FirstLine.Channels.DirectLine;

/// <summary>
/// Who is calling: the holder of the secret (a website's backend, may act on any conversation) or the
/// holder of a token (a browser, bound to one conversation and one user).
/// </summary>
public sealed record DirectLineCaller(bool IsSecret, DirectLineTokenClaims? Token)
{
    public static DirectLineCaller Secret { get; } = new(true, null);

    /// <summary>Refuses access unless the caller may act on <paramref name="conversationId"/>.</summary>
    public void EnsureMayAccess(string conversationId)
    {
        if (!IsSecret && !string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal))
        {
            throw DirectLineException.WrongConversation();
        }
    }

    public static DirectLineCaller From(DirectLineTokens tokens, string? credential)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (string.IsNullOrWhiteSpace(credential))
        {
            throw DirectLineException.MissingAuthorization();
        }

        return tokens.IsSecret(credential) ? Secret : new DirectLineCaller(false, tokens.Validate(credential));
    }

    public static string? BearerFrom(string? authorizationHeader)
    {
        const string Prefix = "Bearer ";
        return authorizationHeader is not null && authorizationHeader.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? authorizationHeader[Prefix.Length..].Trim()
            : null;
    }
}
