using System.Security.Cryptography;
using FirstLine.Bot.Hosting;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FirstLine.Benchmarks.Servers;

/// <summary>
/// The real FirstLine host, built exactly as <c>dotnet run --project Bot</c> builds it (SQLite in a fresh
/// temporary folder), on a loopback port, with an echo bot that costs nothing unless the support dialogs are asked for.
/// </summary>
internal sealed class FirstLineHost : IBenchmarkServer
{
    private readonly WebApplication app;

    private FirstLineHost(WebApplication app, Uri baseUrl, string secret, string dataDirectory, ServerLogCounter log)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Secret = secret;
        DataDirectory = dataDirectory;
        Log = log;
    }

    public Uri BaseUrl { get; }

    /// <summary>The Direct Line secret a website backend would hold; clients exchange it for tokens.</summary>
    public string Secret { get; }

    public string DataDirectory { get; }

    public ServerLogCounter Log { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="profile">When given, times every database command (see <see cref="SqlCommandProfile"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="settings">More configuration (<c>--Section:Key=value</c>), e.g. another database or <c>Scaling:Redis</c>.</param>
    /// <param name="secret">The Direct Line secret; nodes of one desk share it. A fresh one when null.</param>
    /// <param name="supportBot">Keep the shipped support dialogs instead of the echo bot (what a customer gets).</param>
    public static async Task<FirstLineHost> StartAsync(SqlCommandProfile? profile, CancellationToken cancellationToken, IReadOnlyList<string>? settings = null, string? secret = null, bool supportBot = false)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("firstline-bench-").FullName;
        secret ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var log = new ServerLogCounter();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:DataDirectory={dataDirectory}",
            $"--DirectLine:Secret={secret}",
            "--environment", "Production",
            .. settings ?? [],
        ];
        var app = FirstLineApp.Create(args, services =>
        {
            services.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(log);
            });
            if (!supportBot)
            {
                services.AddSingleton<IBot, BenchmarkEchoBot>();
            }

            if (profile is not null)
            {
                services.ConfigureDbContext<FirstLineDbContext>(options => options.AddInterceptors(profile));
            }
        });
        await app.StartAsync(cancellationToken);
        return new FirstLineHost(app, new Uri(app.Urls.Single().TrimEnd('/')), secret, dataDirectory, log);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();

        // Pooled connections keep the database file open; close them so the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the measurement already happened.
        }

        Log.Dispose();
    }
}
