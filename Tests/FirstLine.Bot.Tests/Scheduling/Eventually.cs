namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>Waits for something the scheduler does in the background; fails with what was last seen.</summary>
internal static class Eventually
{
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {limit} for {what}; last seen: {value}");
            }

            await Task.Delay(100);
        }
    }
}
