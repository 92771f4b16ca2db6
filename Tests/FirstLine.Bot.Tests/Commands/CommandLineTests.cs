namespace FirstLine.Bot.Tests.Commands;

public sealed class CommandLineTests(EvaluationFixture fixture) : IClassFixture<EvaluationFixture>
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://localhost:5999")]
    [InlineData("KnowledgeBase:Path=knowledge")]
    [InlineData("/environment", "Development")]
    public async Task Host_arguments_are_left_to_the_web_host(params string[] args)
    {
        var run = await CommandRun.RunAsync(args);

        Assert.Null(run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("eval")]
    [InlineData("eval", "everything")]
    public async Task Unknown_commands_show_the_usage_and_exit_with_2(params string[] args)
    {
        var run = await CommandRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"unknown command '{string.Join(' ', args)}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("FirstLine.Bot eval kb --kb DIR --cases FILE", run.Error, StringComparison.Ordinal);
        Assert.Contains("FirstLine.Bot eval language --cases FILE [--json]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await CommandRun.RunAsync(["help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("eval kb", run.Out, StringComparison.Ordinal);
        Assert.Contains("eval language", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_help_shows_its_usage()
    {
        var run = await CommandRun.RunAsync(["eval", "kb", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("usage: FirstLine.Bot eval kb --kb DIR --cases FILE", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_option_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "kb", "--kb", fixture.KnowledgeBase]);

        AssertUsageError(run, "eval kb: --cases is required");
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "language", "--cases", fixture.LanguageCases, "--colour"]);

        AssertUsageError(run, "eval language: unknown option '--colour'");
    }

    [Fact]
    public async Task Option_without_value_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "kb", "--kb", "--cases", fixture.Cases]);

        AssertUsageError(run, "eval kb: --kb needs a value");
    }

    [Fact]
    public async Task Stray_argument_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "language", fixture.LanguageCases]);

        AssertUsageError(run, "eval language: unexpected argument");
    }

    [Fact]
    public async Task Repeating_a_single_option_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "language", "--cases", fixture.LanguageCases, "--cases", fixture.LanguageCases]);

        AssertUsageError(run, "eval language: --cases may be given only once");
    }

    [Fact]
    public async Task Switch_with_a_value_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "language", "--cases", fixture.LanguageCases, "--json=yes"]);

        AssertUsageError(run, "eval language: --json takes no value");
    }

    [Fact]
    public async Task Missing_files_and_folders_are_usage_errors()
    {
        AssertUsageError(await CommandRun.RunAsync(["eval", "kb", "--kb", fixture.Missing, "--cases", fixture.Cases]), "--kb: no such folder");
        AssertUsageError(await CommandRun.RunAsync(["eval", "kb", "--kb", fixture.KnowledgeBase, "--cases", fixture.Missing]), "--cases: no such file");
        AssertUsageError(await CommandRun.RunAsync(["eval", "language", "--cases", fixture.Missing]), "--cases: no such file");
    }

    [Fact]
    public async Task Unpaired_kb_and_cases_are_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "kb", "--kb", fixture.KnowledgeBase, "--kb", fixture.KnowledgeBase, "--cases", fixture.Cases]);

        AssertUsageError(run, "give --kb and --cases in pairs");
    }

    [Fact]
    public async Task Options_accept_the_equals_form()
    {
        var run = await CommandRun.RunAsync(["eval", "language", $"--cases={fixture.LanguageCases}"]);

        Assert.Equal(0, run.ExitCode);
    }

    private static void AssertUsageError(CommandRun run, string message)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: FirstLine.Bot eval", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
