using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using FirstLine.Bot.Hosting;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Support;
using FirstLine.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>
/// The real FirstLine host (<see cref="FirstLineApp.Create"/>) on a loopback port with SQLite in a temporary folder
/// (or a fresh PostgreSQL database when asked),
/// plus the hooks the Direct Line tests need: extra configuration, replaced services (a bot that throws), a clock
/// that can be moved forward (expired tokens without sleeping) and the captured log.
/// </summary>
public sealed class DirectLineHost : IAsyncDisposable
{
    private readonly TemporaryDirectory? ownedData;
    private readonly bool ownsDatabase;
    private WebApplication? app;

    private DirectLineHost(string dataDirectory, string secret, TestDatabase database, TemporaryDirectory? ownedData, bool ownsDatabase)
    {
        DataDirectory = dataDirectory;
        Secret = secret;
        Database = database;
        this.ownedData = ownedData;
        this.ownsDatabase = ownsDatabase;
    }

    public string DataDirectory { get; }

    /// <summary>Where the host keeps its data; a successor shares it.</summary>
    public TestDatabase Database { get; }

    public string Secret { get; }

    /// <summary>E.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The host is stopped.");

    public AdjustableClock Clock { get; } = new();

    public CapturingLoggerProvider Log { get; } = new();

    /// <summary>A client whose base address is the host; no default Authorization, no cookie jar.</summary>
    public HttpClient Http { get; private set; } = new();

    public DirectLineClient Client => new(Http, Secret);

    /// <summary>
    /// Starts a host on a fresh temporary data folder, a random secret and a fresh database of
    /// <paramref name="provider"/> (all deleted on dispose).
    /// </summary>
    public static async Task<DirectLineHost> StartAsync(
        IEnumerable<string>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        StorageProvider provider = StorageProvider.Sqlite,
        CancellationToken cancellationToken = default)
    {
        var data = new TemporaryDirectory("firstline-directline");
        TestDatabase database;
        try
        {
            database = await TestDatabase.CreateAsync(provider, cancellationToken);
        }
        catch
        {
            data.Dispose();
            throw;
        }

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        return await StartAsync(new DirectLineHost(data.Path, secret, database, data, ownsDatabase: true), settings, configureServices, cancellationToken);
    }

    /// <summary>
    /// Another host on the same data folder, database and secret: after a restart (the first one stopped), or as a
    /// second node beside a running first one (on PostgreSQL).
    /// </summary>
    public Task<DirectLineHost> StartSuccessorAsync(IEnumerable<string>? settings = null, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default) =>
        StartAsync(new DirectLineHost(DataDirectory, Secret, Database, ownedData: null, ownsDatabase: false), settings, configureServices, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (app is null)
        {
            return;
        }

        var stopping = app;
        app = null;
        Http.Dispose();
        await stopping.StopAsync(cancellationToken);
        await stopping.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await StopAsync(timeout.Token);
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        ownedData?.Dispose();
    }

    /// <summary>The configuration that points something besides the host (a command, a reader) at the host's database.</summary>
    public IConfiguration StorageConfiguration() =>
        new ConfigurationBuilder().AddCommandLine([$"--Storage:DataDirectory={DataDirectory}", .. Database.Settings]).Build();

    /// <summary>
    /// Reads this host's database with no host running (e.g. between a stop and a restart), through the product's own
    /// storage registration, so it is the same SQLite file or PostgreSQL database whichever provider the test runs on.
    /// </summary>
    public async Task<T> ReadDatabaseAsync<T>(Func<FirstLineDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var storage = new ServiceCollection().AddLogging().AddFirstLineStorage(StorageConfiguration()).BuildServiceProvider();
        await using var db = await storage.GetRequiredService<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    /// <summary>A WebSocket client for <paramref name="streamUrl"/>, connected.</summary>
    public static async Task<DirectLineSocket> ConnectAsync(string streamUrl, CancellationToken cancellationToken)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri(streamUrl), cancellationToken);
        return new DirectLineSocket(socket);
    }

    private static async Task<DirectLineHost> StartAsync(DirectLineHost host, IEnumerable<string>? settings, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartCoreAsync(settings, configureServices, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(IEnumerable<string>? settings, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:DataDirectory={DataDirectory}",
            $"--DirectLine:Secret={Secret}",
            "--environment", "Production",
            .. Database.Settings,
            .. settings ?? [],
        ];
        var started = FirstLineApp.Create(args, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Log);

            // The protocol tests predict every reply; tests that need the support dialogs replace the bot again.
            services.AddSingleton<IBot, EchoBot>();
            configureServices?.Invoke(services);
        });
        await started.StartAsync(cancellationToken);
        app = started;
        BaseUrl = started.Urls.Single().TrimEnd('/');
        // No cookie jar: the tests say exactly which cookie a request carries.
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }
}

/// <summary>The system clock, moved forward on request (token expiry without waiting).</summary>
public sealed class AdjustableClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}

/// <summary>Keeps every log entry of the host so a test can look for an error and its stack.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
