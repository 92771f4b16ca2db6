using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FirstLine.KnowledgeBase.Articles;

/// <summary>The articles served and the report of the load that produced them.</summary>
public sealed record KnowledgeBaseLoadResult(IReadOnlyList<Article> Articles, KnowledgeBaseLoadReport Report);

/// <summary>
/// Reads every <c>*.md</c> file under a folder. A broken file is reported with its path and reason and the
/// rest is served; when an earlier version of that file loaded, the last good version stays in service.
/// </summary>
public sealed class KnowledgeBaseLoader(ILogger<KnowledgeBaseLoader>? logger = null, TimeProvider? time = null)
{
    /// <summary>Larger files are certainly not articles and would only slow the index down.</summary>
    public const int MaxFileBytes = 1_000_000;

    private readonly ILogger logger = logger ?? NullLogger<KnowledgeBaseLoader>.Instance;
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <param name="folder">the knowledge-base folder, read recursively</param>
    /// <param name="lastGood">articles of the previous load, kept for files that are broken now</param>
    /// <param name="ct">cancels the load</param>
    /// <exception cref="KnowledgeBaseException">the folder does not exist</exception>
    public async Task<KnowledgeBaseLoadResult> LoadAsync(string folder, IReadOnlyList<Article>? lastGood, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new KnowledgeBaseException($"The knowledge-base folder '{Path.GetFullPath(folder)}' does not exist. Set KnowledgeBase:Path to the folder holding the article files.");
        }

        var problems = new List<LoadProblem>();
        var warnings = new List<LoadProblem>();
        var articles = new Dictionary<ArticleKey, Article>();
        var lastGoodByPath = (lastGood ?? []).ToDictionary(a => a.SourcePath, StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (IsDocumentation(path))
            {
                continue;
            }

            var article = await ReadAsync(path, problems, warnings, ct);
            if (article is null && lastGoodByPath.TryGetValue(path, out var previous))
            {
                warnings.Add(new LoadProblem(path, "still serving the last good version of this article"));
                article = previous;
            }

            if (article is not null && !articles.TryAdd(article.Key, article))
            {
                problems.Add(new LoadProblem(path, $"duplicate article '{article.Key}', already defined in {articles[article.Key].SourcePath}"));
            }
        }

        var report = new KnowledgeBaseLoadReport(folder, time.GetUtcNow(), articles.Count, problems, warnings);
        Log(report);
        return new KnowledgeBaseLoadResult([.. articles.Values], report);
    }

    private static bool IsDocumentation(string path) =>
        Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase);

    private static async Task<Article?> ReadAsync(string path, List<LoadProblem> problems, List<LoadProblem> warnings, CancellationToken ct)
    {
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                problems.Add(new LoadProblem(path, $"the file is larger than {MaxFileBytes:N0} bytes"));
                return null;
            }

            var text = await File.ReadAllTextAsync(path, ct);
            var fileWarnings = new List<string>();
            var article = ArticleParser.Parse(path, text, fileWarnings);
            warnings.AddRange(fileWarnings.Select(w => new LoadProblem(path, w)));
            return article;
        }
        catch (ArticleFormatException e)
        {
            problems.Add(new LoadProblem(path, e.Message));
        }
        catch (IOException e)
        {
            // A file being written by an editor at this moment is reported and picked up by the next reload.
            problems.Add(new LoadProblem(path, $"cannot be read: {e.Message}"));
        }

        return null;
    }

    private void Log(KnowledgeBaseLoadReport report)
    {
        foreach (var problem in report.Problems)
        {
            logger.LogError("Knowledge-base article {Path} was not loaded: {Reason}", problem.Path, problem.Reason);
        }

        foreach (var warning in report.Warnings)
        {
            logger.LogWarning("Knowledge-base article {Path}: {Reason}", warning.Path, warning.Reason);
        }

        logger.LogInformation("Loaded {ArticleCount} knowledge-base articles from {Folder} with {ProblemCount} problems",
            report.ArticleCount, report.Folder, report.Problems.Count);
    }
}
