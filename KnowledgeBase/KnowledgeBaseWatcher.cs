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
    private FileSystemWatcher? watcher;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load finishes before the host serves anyone, so nobody meets an empty knowledge base;
        // the watcher starts right after it, so no edit made from then on is missed.
        await knowledgeBase.ReloadAsync(cancellationToken);
        if (options.Value.WatchForChanges)
        {
            watcher = new FileSystemWatcher(Path.GetFullPath(options.Value.Path, AppContext.BaseDirectory), "*.md") { IncludeSubdirectories = true };
            watcher.Changed += (_, _) => changed.Release();
            watcher.Created += (_, _) => changed.Release();
            watcher.Deleted += (_, _) => changed.Release();
            watcher.Renamed += (_, _) => changed.Release();
            watcher.EnableRaisingEvents = true;
        }

        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        watcher?.Dispose();
        changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (watcher is not null && !stoppingToken.IsCancellationRequested)
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
