using System.Text.Json;

namespace FirstLine.Bot.Tests.Commands;

public sealed class EvalKbCommandTests(EvaluationFixture fixture) : IClassFixture<EvaluationFixture>
{
    private static readonly string[] MetricNames =
        ["cases", "top1", "mrr5", "answer_precision", "resolved", "oos_escalated", "escalated_in_scope", "p50_ms", "p99_ms"];

    [Fact]
    public async Task Json_last_line_is_one_object_with_exactly_the_metric_names()
    {
        var run = await CommandRun.RunAsync(["eval", "kb", "--kb", fixture.KnowledgeBase, "--cases", fixture.Cases, "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.LastLine);
        Assert.Equal(MetricNames.Order(), json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(6, json.RootElement.GetProperty("cases").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("top1").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("resolved").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("oos_escalated").GetDouble());
        Assert.Equal(0.0, json.RootElement.GetProperty("escalated_in_scope").GetDouble());
        Assert.InRange(json.RootElement.GetProperty("p50_ms").GetDouble(), 0, json.RootElement.GetProperty("p99_ms").GetDouble());
    }

    [Fact]
    public async Task Without_json_prints_the_metrics_as_text_and_no_json()
    {
        var run = await CommandRun.RunAsync(["eval", "kb", "--kb", fixture.KnowledgeBase, "--cases", fixture.Cases]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(4 articles;", run.Out, StringComparison.Ordinal);
        Assert.Contains("cases=6  top1=1  mrr5=1", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("{", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thresholds_come_from_the_configuration()
    {
        // Nothing reaches a confidence of 1: every case is clarified or escalated, none answered.
        var run = await CommandRun.RunAsync(
            ["eval", "kb", "--kb", fixture.KnowledgeBase, "--cases", fixture.Cases, "--json"],
            new() { ["KnowledgeBase:AnswerThreshold"] = "1", ["KnowledgeBase:ClarifyThreshold"] = "0.1" });

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.LastLine);
        Assert.Equal(0.0, json.RootElement.GetProperty("answer_precision").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("resolved").GetDouble());
    }

    [Fact]
    public async Task Invalid_thresholds_in_the_configuration_are_a_usage_error()
    {
        var run = await CommandRun.RunAsync(
            ["eval", "kb", "--kb", fixture.KnowledgeBase, "--cases", fixture.Cases],
            new() { ["KnowledgeBase:ClarifyOptions"] = "7" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ClarifyOptions must be 2 or 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_sets_give_pooled_metrics_with_each_set_and_a_calibration()
    {
        var run = await CommandRun.RunAsync(
            ["eval", "kb", "--kb", fixture.KnowledgeBase, "--cases", fixture.Cases, "--kb", fixture.KnowledgeBase, "--cases", fixture.Cases,
             "--sweep", "--calibrate", "--verbose", "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("answer_at clarify_at", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"Intercept\"", run.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.LastLine);
        Assert.Equal(12, json.RootElement.GetProperty("cases").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("sets").GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_cases_file_fails_naming_the_line()
    {
        var run = await CommandRun.RunAsync(["eval", "kb", "--kb", fixture.KnowledgeBase, "--cases", fixture.BrokenCases]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.jsonl:2 is not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_articles_fails()
    {
        var empty = Directory.CreateTempSubdirectory("firstline-empty-kb").FullName;
        try
        {
            var failed = await CommandRun.RunAsync(["eval", "kb", "--kb", empty, "--cases", fixture.Cases]);
            Assert.Equal(1, failed.ExitCode);
            Assert.Contains("holds no article that loads", failed.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
