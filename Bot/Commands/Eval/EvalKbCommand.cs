using System.Text.Json;
using FirstLine.KnowledgeBase;
using FirstLine.KnowledgeBase.Evaluation;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Commands.Eval;

/// <summary>
/// <c>eval kb --kb DIR --cases FILE [--json]</c>: the knowledge-base metrics of <c>shared/eval/README.md</c> with
/// the thresholds and calibration of the app's configuration. <c>--kb</c>/<c>--cases</c> pairs may repeat
/// (e.g. to fit one calibration on several sets); the JSON line then holds all cases together plus each set.
/// </summary>
internal sealed class EvalKbCommand : ICommand
{
    public string Name => "eval kb";

    public string Usage => "--kb DIR --cases FILE [--kb DIR --cases FILE ...] [--json] [--verbose] [--sweep] [--calibrate]";

    public string Description =>
        "Measures the knowledge base on cases (JSON lines: text, language, expected): top1, mrr5, answer_precision, "
        + "resolved, oos_escalated, escalated_in_scope, p50_ms, p99_ms.";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Value("kb", required: true, repeatable: true),
        CommandOption.Value("cases", required: true, repeatable: true),
        CommandOption.Switch("json"),
        CommandOption.Switch("verbose"),
        CommandOption.Switch("sweep"),
        CommandOption.Switch("calibrate"),
    ];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        var (folders, caseFiles) = (arguments.All("kb"), arguments.All("cases"));
        if (folders.Count != caseFiles.Count)
        {
            throw new CommandUsageException($"give --kb and --cases in pairs ({folders.Count} --kb, {caseFiles.Count} --cases)");
        }

        var sets = folders.Zip(caseFiles, (kb, cases) => (Kb: CommandArguments.ExistingFolder("kb", kb), Cases: CommandArguments.ExistingFile("cases", cases))).ToList();
        var configured = ConfiguredOptions(context);
        var results = new List<(string CasesFile, KbEvaluationResult Result)>();
        foreach (var (kb, casesFile) in sets)
        {
            var options = Copy(configured, kb);
            var result = await KbEvaluation.RunAsync(options, await EvaluationCase.ReadAsync(casesFile, ct), ct);
            foreach (var problem in result.Load.Problems)
            {
                await context.Error.WriteLineAsync($"load problem: {problem}");
            }

            if (result.ArticleCount == 0)
            {
                await context.Error.WriteLineAsync($"eval kb: {kb} holds no article that loads; nothing to evaluate.");
                return 1;
            }

            await KbReport.WriteAsync(context.Out, casesFile, result, arguments.Has("verbose"));
            if (arguments.Has("sweep"))
            {
                await KbReport.WriteSweepAsync(context.Out, ThresholdSweep.Run(result.Outcomes, options.ClarifyOptions));
            }

            results.Add((casesFile, result));
        }

        if (arguments.Has("calibrate"))
        {
            var fitted = Calibrator.Fit(results.SelectMany(r => r.Result.Outcomes));
            await context.Out.WriteLineAsync("Calibration fitted on all cases (KnowledgeBase:Calibration):");
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(fitted, new JsonSerializerOptions { WriteIndented = true }));
        }

        if (arguments.Has("json"))
        {
            await context.Out.WriteLineAsync(JsonLine(results));
        }

        return 0;
    }

    // The same options the host would use, validated by the same rules (AddKnowledgeBase).
    private static KnowledgeBaseOptions ConfiguredOptions(CommandContext context)
    {
        using var services = new ServiceCollection().AddKnowledgeBase(context.Configuration).BuildServiceProvider();
        try
        {
            return services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            throw new CommandUsageException($"the configuration is invalid: {e.Message}", e);
        }
    }

    private static KnowledgeBaseOptions Copy(KnowledgeBaseOptions configured, string folder) => new()
    {
        Path = folder,
        AnswerThreshold = configured.AnswerThreshold,
        ClarifyThreshold = configured.ClarifyThreshold,
        MinCoverage = configured.MinCoverage,
        ClarifyOptions = configured.ClarifyOptions,
        LanguageConfidence = configured.LanguageConfidence,
        MaxQueryLength = configured.MaxQueryLength,
        Calibration = configured.Calibration,
        WatchForChanges = false,
    };

    private static string JsonLine(List<(string CasesFile, KbEvaluationResult Result)> results)
    {
        if (results is [var only])
        {
            return JsonSerializer.Serialize(only.Result.Metrics.ToDictionary());
        }

        var all = KbMetrics.From([.. results.SelectMany(r => r.Result.Outcomes)], results.SelectMany(r => r.Result.Latencies));
        var line = new Dictionary<string, object>(all.ToDictionary())
        {
            ["sets"] = results.Select(r => new Dictionary<string, object>(r.Result.Metrics.ToDictionary())
            {
                ["kb"] = r.Result.Folder,
                ["cases_file"] = r.CasesFile,
            }).ToList(),
        };
        return JsonSerializer.Serialize(line);
    }
}
