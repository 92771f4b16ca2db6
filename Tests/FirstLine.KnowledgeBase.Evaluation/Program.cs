using System.Diagnostics;
using System.Text.Json;
using FirstLine.KnowledgeBase;
using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Evaluation;
using FirstLine.KnowledgeBase.Search;
using Microsoft.Extensions.Options;

// Measures the knowledge base on cases files (see KnowledgeBase/README.md):
//   <kb-folder> <cases.jsonl> [<kb-folder> <cases.jsonl> ...] [--json] [--sweep] [--calibrate] [--verbose]
//   language <cases.jsonl> [--json]
var flags = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToHashSet();
var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (positional is ["language", var languageCases])
{
    LanguageEvaluation.Run(languageCases, flags.Contains("--json"));
    return 0;
}

if (positional.Count == 0 || positional.Count % 2 != 0)
{
    Console.Error.WriteLine("usage: <kb-folder> <cases.jsonl> [<kb-folder> <cases.jsonl> ...] [--json] [--sweep] [--calibrate] [--verbose]");
    Console.Error.WriteLine("       language <cases.jsonl> [--json]");
    return 2;
}

var options = new KnowledgeBaseOptions();
var all = new List<CaseOutcome>();
for (var i = 0; i < positional.Count; i += 2)
{
    var (kbFolder, casesFile) = (Path.GetFullPath(positional[i]), positional[i + 1]);
    using var kb = new LuceneKnowledgeBase(Options.Create(new KnowledgeBaseOptions { Path = kbFolder }), new KnowledgeBaseLoader());
    await kb.ReloadAsync(CancellationToken.None);
    if (!kb.LastLoad.IsClean)
    {
        kb.LastLoad.Problems.ToList().ForEach(p => Console.Error.WriteLine($"load problem: {p}"));
    }

    var outcomes = new List<CaseOutcome>();
    foreach (var c in EvaluationCase.Read(casesFile))
    {
        var started = Stopwatch.GetTimestamp();
        var result = await kb.SearchAsync(c.Text, c.Language, CancellationToken.None);
        outcomes.Add(new CaseOutcome(c, result, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }

    // The first pass warms the JIT; latencies are measured on a second pass over the same cases.
    var timed = new List<CaseOutcome>();
    foreach (var o in outcomes)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await kb.SearchAsync(o.Case.Text, o.Case.Language, CancellationToken.None);
        timed.Add(o with { Result = result, Milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds });
    }

    if (flags.Contains("--verbose"))
    {
        foreach (var o in timed.Where(o => o.Rank != 1 || o.Result.Decision != SearchDecision.Answer))
        {
            var best = o.Result.Best;
            Console.WriteLine($"{o.Case.Id}: {o.Result.Decision} expected={o.Case.Expected ?? "-"} got={best?.Article.Id ?? "-"} ({best?.Confidence:F2} {best?.Features}) \"{o.Case.Text}\"");
        }
    }

    var metrics = KbMetrics.From(timed).ToDictionary();
    Console.WriteLine($"# {casesFile} against {kbFolder} ({kb.Articles.Count} articles)");
    Console.WriteLine(string.Join("  ", metrics.Select(m => $"{m.Key}={m.Value}")));
    if (flags.Contains("--sweep"))
    {
        ThresholdSweep.Print(timed, options.ClarifyOptions);
    }

    if (flags.Contains("--json"))
    {
        Console.WriteLine(JsonSerializer.Serialize(metrics));
    }

    all.AddRange(timed);
}

if (flags.Contains("--calibrate"))
{
    Console.WriteLine("Calibration fitted on all cases (KnowledgeBase:Calibration):");
    Console.WriteLine(JsonSerializer.Serialize(Calibrator.Fit(all), new JsonSerializerOptions { WriteIndented = true }));
}

return 0;
