using System.Text.Json;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Bot.Agents.Console;

/// <summary>What the bot wrote onto a ticket for the agent: its priority reasoning and what it tried.</summary>
public sealed record BotFindings(PriorityAssessment? Priority, IReadOnlyList<SolutionAttempt> Attempts)
{
    /// <summary>Reads the ticket's JSON; a field the bot did not write, or wrote in an older shape, is simply absent.</summary>
    public static BotFindings From(TicketRow ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new BotFindings(
            TryRead<PriorityAssessment>(ticket.PriorityRationaleJson),
            TryRead<List<SolutionAttempt>>(ticket.BotAttemptsJson) ?? []);
    }

    private static T? TryRead<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return BotJson.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
