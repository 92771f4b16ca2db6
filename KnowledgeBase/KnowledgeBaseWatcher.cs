using FirstLine.KnowledgeBase.Search;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FirstLine.KnowledgeBase;

/// <summary>
/// Loads the knowledge base when the host starts and reloads it a moment after article files change,
/// so edits are searchable within seconds without a restart.
/// </summary>
public sealed class KnowledgeBaseWatcher(
    IKnowledgeBase knowledgeBase,
    IOptions<KnowledgeBaseOptions> options,
    ILogger<KnowledgeBaseWatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim changed = new(0);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load finishes before the host serves anyone, so nobody meets an empty knowledge base.
        await knowledgeBase.ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchForChanges)
        {
            return;
        }

        var folder = Path.GetFullPath(options.Value.Path, AppContext.BaseDirectory);
        using var watcher = new FileSystemWatcher(folder, "*.md") { IncludeSubdirectories = true };
        watcher.Changed += (_, _) => changed.Release();
        watcher.Created += (_, _) => changed.Release();
        watcher.Deleted += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken);

            // An editor's save fires several events; wait until they stop, then reload once.
            while (await changed.WaitAsync(options.Value.ReloadDelay, stoppingToken))
            {
            }

            try
            {
                await knowledgeBase.ReloadAsync(stoppingToken);
            }
            catch (KnowledgeBaseException e)
            {
                logger.LogError(e, "Reloading the knowledge base failed; the previous articles stay in service");
            }
        }
    }
}
