using System.Text.Json;
using FirstLine.KnowledgeBase.Evaluation;
using FirstLine.KnowledgeBase.Language.Local;

namespace FirstLine.Bot.Commands.Eval;

/// <summary><c>eval language --cases FILE [--json]</c>: accuracy and per-language confusion of the local language detection.</summary>
internal sealed class EvalLanguageCommand : ICommand
{
    public string Name => "eval language";

    public string Usage => "--cases FILE [--json]";

    public string Description => "Measures language detection on cases (JSON lines: text, language): accuracy and a per-language confusion.";

    public IReadOnlyList<CommandOption> Options { get; } = [CommandOption.Value("cases", required: true), CommandOption.Switch("json")];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        var casesFile = CommandArguments.ExistingFile("cases", arguments.Single("cases"));
        var result = LanguageEvaluation.Run(await EvaluationCase.ReadAsync(casesFile, ct), LanguageDetector.Default);
        var accuracy = Math.Round(result.Accuracy, 4);
        await context.Out.WriteLineAsync(Invariant.Text($"# {casesFile}: cases={result.Cases} accuracy={accuracy}"));
        foreach (var (expected, row) in result.Confusion)
        {
            var detected = string.Join(", ", row.Select(d => $"{d.Key}={d.Value}"));
            await context.Out.WriteLineAsync(Invariant.Text($"{expected}: {detected}  (recall {result.Recall(expected):F3})"));
        }

        if (arguments.Has("json"))
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(new { cases = result.Cases, accuracy, confusion = result.Confusion }));
        }

        return 0;
    }
}
