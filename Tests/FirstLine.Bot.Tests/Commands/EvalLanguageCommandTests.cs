using System.Text.Json;

namespace FirstLine.Bot.Tests.Commands;

public sealed class EvalLanguageCommandTests(EvaluationFixture fixture) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public async Task Reports_accuracy_and_a_confusion_per_language()
    {
        var run = await CommandRun.RunAsync(["eval", "language", "--cases", fixture.LanguageCases, "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("cases=4 accuracy=0.75", run.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.LastLine);
        Assert.Equal(4, json.RootElement.GetProperty("cases").GetInt32());
        Assert.Equal(0.75, json.RootElement.GetProperty("accuracy").GetDouble());

        // The English text labelled "de" shows up as a confusion de → en.
        var confusion = json.RootElement.GetProperty("confusion");
        Assert.Equal(1, confusion.GetProperty("de").GetProperty("de").GetInt32());
        Assert.Equal(1, confusion.GetProperty("de").GetProperty("en").GetInt32());
        Assert.Equal(1, confusion.GetProperty("fr").GetProperty("fr").GetInt32());
    }

    [Fact]
    public async Task Without_json_the_last_line_is_text()
    {
        var run = await CommandRun.RunAsync(["eval", "language", "--cases", fixture.LanguageCases]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("fr: fr=1", run.LastLine, StringComparison.Ordinal);
    }
}
