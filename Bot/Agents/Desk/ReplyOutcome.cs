namespace FirstLine.Bot.Agents;

/// <summary>What became of a reply: sent to the customer's channel, or kept on the ticket to be retried.</summary>
/// <param name="Reply">the reply as kept on the ticket</param>
/// <param name="Delivered">true when it reached the customer's channel now</param>
/// <param name="Message">a sentence for the agent: where it went, or why it is kept</param>
public sealed record ReplyOutcome(TicketReplyRow Reply, bool Delivered, string Message);
