namespace FirstLine.Channels.Turns;

/// <summary>Turn-scoped values, keyed by type name unless a key is given.</summary>
public sealed class TurnContextStateCollection
{
    private readonly Dictionary<string, object> values = new(StringComparer.Ordinal);

    public T? Get<T>(string? key = null)
        where T : class => values.TryGetValue(key ?? typeof(T).FullName!, out var value) ? value as T : null;

    public void Set<T>(T value, string? key = null)
        where T : class => values[key ?? typeof(T).FullName!] = value;

    public bool Remove<T>(string? key = null) => values.Remove(key ?? typeof(T).FullName!);
}
