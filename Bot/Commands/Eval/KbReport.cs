using FirstLine.KnowledgeBase.Evaluation;
using FirstLine.KnowledgeBase.Search;

namespace FirstLine.Bot.Commands.Eval;

/// <summary>The human-readable lines of <c>eval kb</c>: numbers in invariant culture, one set per block.</summary>
internal static class KbReport
{
    public static async Task WriteAsync(TextWriter writer, string casesFile, KbEvaluationResult result, bool verbose)
    {
        if (verbose)
        {
            foreach (var o in result.Outcomes.Where(o => o.Rank != 1 || o.Result.Decision != SearchDecision.Answer))
            {
                var best = o.Result.Best;
                await writer.WriteLineAsync(Invariant.Text(
                    $"{o.Case.Id}: {o.Result.Decision} expected={o.Case.Expected ?? "-"} got={best?.Article.Id ?? "-"} ({best?.Confidence:F2} {best?.Features}) \"{o.Case.Text}\""));
            }
        }

        await writer.WriteLineAsync(Invariant.Text(
            $"# {casesFile} against {result.Folder} ({result.ArticleCount} articles; latency over {result.Latencies.Count} timed searches after warm-up)"));
        await writer.WriteLineAsync(string.Join("  ", result.Metrics.ToDictionary().Select(m => Invariant.Text($"{m.Key}={m.Value}"))));
    }

    public static async Task WriteSweepAsync(TextWriter writer, IReadOnlyList<SweepPoint> points)
    {
        await writer.WriteLineAsync("answer_at clarify_at  answer_precision resolved answered_in_scope oos_escalated escalated_in_scope");
        foreach (var p in points)
        {
            await writer.WriteLineAsync(Invariant.Text(
                $"{p.AnswerAt,9:F2} {p.ClarifyAt,10:F2}  {p.AnswerPrecision,16:F3} {p.Resolved,8:F3} {p.AnsweredInScope,17:F3} {p.OosEscalated,13:F3} {p.EscalatedInScope,18:F3}"));
        }
    }
}
