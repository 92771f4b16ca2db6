using Xunit.Abstractions;

namespace FirstLine.Dialogs.Tests.Support.Conversations;

/// <summary>The scripted customer conversations, each through the real knowledge base and analyzer.</summary>
public sealed class ScriptedConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scripts() => [.. ConversationScript.LoadAll().Select(s => s.Id)];

    [Fact]
    public void There_are_at_least_forty_half_german_half_english()
    {
        var scripts = ConversationScript.LoadAll();
        Assert.True(scripts.Count >= 40, $"only {scripts.Count} scripts");
        Assert.Equal(scripts.Count(s => s.Id.StartsWith("de-", StringComparison.Ordinal)), scripts.Count(s => s.Id.StartsWith("en-", StringComparison.Ordinal)));
        Assert.Equal(scripts.Count, scripts.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(scripts, s => s.Mood == "angry");
        Assert.Contains(scripts, s => s.Mood == "vague");
        Assert.Contains(scripts, s => s.Mood == "out-of-scope");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Conversation_ends_as_scripted(string id)
    {
        var script = ConversationScript.LoadAll().Single(s => s.Id == id);
        var run = await ConversationRunner.RunAsync(script);
        output.WriteLine(run.Transcript);
        Assert.True(run.Problem() is null, $"{id}: {run.Problem()}\n{run.Transcript}");
    }

    [Fact]
    public async Task Figures_resolved_at_first_level_and_escalated()
    {
        var runs = new List<ConversationRun>();
        foreach (var script in ConversationScript.LoadAll())
        {
            runs.Add(await ConversationRunner.RunAsync(script));
        }

        var resolved = runs.Count(r => r.Outcome == "resolved");
        var escalated = runs.Count(r => r.Outcome == "escalated");
        output.WriteLine($"{runs.Count} conversations: resolved at first level {resolved} ({(double)resolved / runs.Count:P0}), " +
                         $"escalated {escalated} ({(double)escalated / runs.Count:P0}), other {runs.Count - resolved - escalated}");
        foreach (var run in runs)
        {
            output.WriteLine($"  {run.Script.Id,-40} {run.Outcome,-10} {run.Ticket?.Resolution?.ArticleId ?? run.Ticket?.Handoff?.Priority.Priority.ToString()}{(run.Problem() is { } problem ? "  <-- " + problem : string.Empty)}");
        }

        Assert.All(runs.Where(r => r.Outcome == "escalated"), r =>
        {
            Assert.NotNull(r.Ticket!.Handoff);
            Assert.NotEmpty(r.Ticket.Handoff.Priority.Rationale);
        });
        Assert.All(runs, r => Assert.True(r.Problem() is null, $"{r.Script.Id}: {r.Problem()}"));
    }
}
