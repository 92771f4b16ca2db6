using System.Text.Json;
using FirstLine.Channels.Schema;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// One dialog on the stack and its own typed state. The state is stored as JSON; while a turn runs it is
/// held as the typed object, so every step of the turn sees (and changes) the same instance, and it is
/// written back to JSON once, before the stack is saved.
/// </summary>
public sealed class DialogInstance
{
    private object? liveState;

    public string Id { get; set; } = string.Empty;

    public JsonElement? State { get; set; }

    /// <summary>The <see cref="Dialog.StateVersion"/> of the dialog that wrote <see cref="State"/>.</summary>
    public int Version { get; set; }

    /// <summary>The typed state, read from JSON on first use in a turn (a new <typeparamref name="T"/> if there is none).</summary>
    public T GetState<T>()
        where T : class, new()
    {
        if (liveState is T live)
        {
            return live;
        }

        // Someone read the state as another type earlier in this turn: start from what that view holds.
        Flush();
        var state = Read<T>();
        liveState = state;
        return state;
    }

    public void SetState<T>(T state)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        liveState = state;
    }

    /// <summary>Writes the typed state (and any nested dialog stacks) back to <see cref="State"/>.</summary>
    internal void Flush()
    {
        if (liveState is null)
        {
            return;
        }

        if (liveState is DialogState nested)
        {
            nested.Flush();
        }

        State = JsonSerializer.SerializeToElement(liveState, liveState.GetType(), BotJson.Options);
    }

    private T Read<T>()
        where T : class, new()
    {
        if (State is not { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } json)
        {
            return new T();
        }

        try
        {
            return json.Deserialize<T>(BotJson.Options) ?? new T();
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new DialogStateException($"The stored state of dialog '{Id}' does not fit {typeof(T).Name}.", exception);
        }
    }
}
