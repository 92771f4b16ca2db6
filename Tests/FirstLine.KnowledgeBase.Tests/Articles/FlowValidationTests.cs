using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.KnowledgeBase.Tests.Articles;

public class FlowValidationTests
{
    private static Article Parse(string flow, List<string>? warnings = null) => ArticleParser.Parse("flow.md", $"""
        ---
        id: flow
        language: en
        title: "Flow"
        category: test
        questions: ["Does it work?"]
        flow:
        {flow}
        ---
        """, warnings ?? []);

    private static string Refusal(string flow) => Assert.Throws<ArticleFormatException>(() => Parse(flow)).Message;

    [Fact]
    public void A_valid_flow_is_read_with_its_branches_and_ends()
    {
        var flow = Parse("""
              start: check
              steps:
                - id: check
                  say: "Please check the cable."
                  ask: "Is the light on?"
                  answers:
                    - { text: "Yes", goto: fixed }
                    - { text: "No", goto: broken }
                - id: fixed
                  outcome: solved
                  say: "Great!"
                - id: broken
                  outcome: escalate
                  diagnosis: "No link on the port"
                  priority: P3
                  queue: hardware
            """).Flow!;

        Assert.Equal("check", flow.StartStep.Id);
        Assert.Equal("Is the light on?", flow.StartStep.Ask);
        Assert.Equal(["fixed", "broken"], flow.StartStep.Answers.Select(a => a.Goto));
        var broken = flow.Step("broken");
        Assert.Equal(FlowOutcome.Escalate, broken.Outcome);
        Assert.Equal("No link on the port", broken.Diagnosis);
        Assert.Equal("P3", broken.Priority);
        Assert.Equal("hardware", broken.Queue);
        Assert.Equal(FlowOutcome.Solved, flow.Step("fixed").Outcome);
    }

    [Fact]
    public void A_dangling_branch_is_refused()
    {
        Assert.Contains("goes to 'nowhere', which does not exist", Refusal("""
              start: a
              steps:
                - { id: a, ask: "?", answers: [ { text: "1", goto: done }, { text: "2", goto: nowhere } ] }
                - { id: done, outcome: solved }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_start_step_is_refused()
    {
        Assert.Contains("start step 'missing' does not exist", Refusal("""
              start: missing
              steps:
                - { id: done, outcome: solved }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_step_ids_are_refused()
    {
        Assert.Contains("step id 'done' is used twice", Refusal("""
              start: done
              steps:
                - { id: done, outcome: solved }
                - { id: done, outcome: solved }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_without_exit_is_refused()
    {
        Assert.Contains("never reaches an end", Refusal("""
              start: a
              steps:
                - { id: a, ask: "?", answers: [ { text: "1", goto: b }, { text: "2", goto: b } ] }
                - { id: b, ask: "?", answers: [ { text: "1", goto: a }, { text: "2", goto: a } ] }
                - { id: done, outcome: solved }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_with_an_exit_is_fine()
    {
        var flow = Parse("""
              start: a
              steps:
                - { id: a, ask: "?", answers: [ { text: "again", goto: b }, { text: "stop", goto: done } ] }
                - { id: b, ask: "?", answers: [ { text: "back", goto: a }, { text: "stop", goto: done } ] }
                - { id: done, outcome: solved }
            """).Flow;

        Assert.NotNull(flow);
    }

    [Fact]
    public void An_escalation_without_diagnosis_is_refused()
    {
        Assert.Contains("escalates without a 'diagnosis'", Refusal("""
              start: e
              steps:
                - { id: e, outcome: escalate }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_asks_and_ends_is_refused()
    {
        Assert.Contains("not both", Refusal("""
              start: x
              steps:
                - { id: x, ask: "?", outcome: solved, answers: [ { text: "1", goto: x }, { text: "2", goto: x } ] }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_needs_two_to_four_answers()
    {
        Assert.Contains("needs 2 to 4 answers, has 1", Refusal("""
              start: a
              steps:
                - { id: a, ask: "?", answers: [ { text: "1", goto: done } ] }
                - { id: done, outcome: solved }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_priority_is_refused()
    {
        Assert.Contains("priority 'urgent' is not one of", Refusal("""
              start: e
              steps:
                - { id: e, outcome: escalate, diagnosis: "d", priority: urgent }
            """), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_steps_are_reported_as_warnings()
    {
        var warnings = new List<string>();
        Parse("""
              start: done
              steps:
                - { id: done, outcome: solved }
                - { id: orphan, outcome: solved }
            """, warnings);

        Assert.Contains("flow: step 'orphan' is unreachable from 'done'", warnings);
    }
}
