namespace FirstLine.KnowledgeBase.Articles;

/// <summary>
/// Turns the <c>flow:</c> front matter into a <see cref="TroubleshootingFlow"/> and checks that every customer
/// who starts it reaches an end: start exists, branches point to steps, ids are unique, no cycle without exit,
/// escalations carry a diagnosis.
/// </summary>
internal static class FlowReader
{
    private static readonly HashSet<string> Priorities = ["P1", "P2", "P3", "P4"];

    /// <summary>Reads the flow; adds a reason to <paramref name="errors"/> for each defect and to
    /// <paramref name="warnings"/> for steps no customer can reach.</summary>
    public static TroubleshootingFlow? Read(FlowFrontMatter flow, List<string> errors, List<string> warnings)
    {
        var steps = ReadSteps(flow, errors);
        if (string.IsNullOrWhiteSpace(flow.Start))
        {
            errors.Add("flow: missing required key 'start'");
            return null;
        }

        var byId = new Dictionary<string, FlowStep>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (!byId.TryAdd(step.Id, step))
            {
                errors.Add($"flow: step id '{step.Id}' is used twice");
            }
        }

        if (!byId.ContainsKey(flow.Start))
        {
            errors.Add($"flow: start step '{flow.Start}' does not exist");
        }

        foreach (var step in steps)
        {
            foreach (var answer in step.Answers.Where(a => !byId.ContainsKey(a.Goto)))
            {
                errors.Add($"flow: step '{step.Id}' answer '{answer.Text}' goes to '{answer.Goto}', which does not exist");
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var reachable = ReachableFrom(flow.Start, byId);
        warnings.AddRange(steps.Where(s => !reachable.Contains(s.Id)).Select(s => $"flow: step '{s.Id}' is unreachable from '{flow.Start}'"));

        var canEnd = StepsThatReachAnEnd(steps);
        errors.AddRange(steps
            .Where(s => reachable.Contains(s.Id) && !canEnd.Contains(s.Id))
            .Select(s => $"flow: step '{s.Id}' never reaches an end (cycle without exit)"));

        return errors.Count > 0 ? null : new TroubleshootingFlow(flow.Start, steps);
    }

    private static List<FlowStep> ReadSteps(FlowFrontMatter flow, List<string> errors)
    {
        if (flow.Steps is null || flow.Steps.Count == 0)
        {
            errors.Add("flow: missing required key 'steps'");
            return [];
        }

        var steps = new List<FlowStep>();
        for (var i = 0; i < flow.Steps.Count; i++)
        {
            var step = ReadStep(flow.Steps[i], i + 1, errors);
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static FlowStep? ReadStep(FlowStepFrontMatter? raw, int number, List<string> errors)
    {
        if (raw is null || string.IsNullOrWhiteSpace(raw.Id))
        {
            errors.Add($"flow: step #{number} has no 'id'");
            return null;
        }

        var where = $"flow: step '{raw.Id}'";
        var isQuestion = raw.Ask is not null || raw.Answers is not null;
        var isEnd = raw.Outcome is not null;
        if (isQuestion == isEnd)
        {
            errors.Add($"{where} must be either a question ('ask' + 'answers') or an end ('outcome'), not {(isEnd ? "both" : "neither")}");
            return null;
        }

        return isEnd ? ReadEnd(raw, where, errors) : ReadQuestion(raw, where, errors);
    }

    private static FlowStep? ReadQuestion(FlowStepFrontMatter raw, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(raw.Ask))
        {
            errors.Add($"{where} has answers but no 'ask'");
            return null;
        }

        var answers = (raw.Answers ?? []).Where(a => a is not null).Select(a => a!).ToList();
        if (answers.Count is < 2 or > 4)
        {
            errors.Add($"{where} needs 2 to 4 answers, has {answers.Count}");
            return null;
        }

        if (answers.Any(a => string.IsNullOrWhiteSpace(a.Text) || string.IsNullOrWhiteSpace(a.Goto)))
        {
            errors.Add($"{where}: every answer needs 'text' and 'goto'");
            return null;
        }

        return new FlowStep
        {
            Id = raw.Id!,
            Say = raw.Say,
            Ask = raw.Ask,
            Answers = [.. answers.Select(a => new FlowAnswer(a.Text!, a.Goto!))],
        };
    }

    private static FlowStep? ReadEnd(FlowStepFrontMatter raw, string where, List<string> errors)
    {
        var before = errors.Count;
        FlowOutcome? outcome = raw.Outcome switch
        {
            "solved" => FlowOutcome.Solved,
            "escalate" => FlowOutcome.Escalate,
            _ => null,
        };
        if (outcome is null)
        {
            errors.Add($"{where}: outcome '{raw.Outcome}' is neither 'solved' nor 'escalate'");
        }

        if (outcome == FlowOutcome.Escalate && string.IsNullOrWhiteSpace(raw.Diagnosis))
        {
            errors.Add($"{where} escalates without a 'diagnosis'");
        }

        if (raw.Priority is not null && !Priorities.Contains(raw.Priority))
        {
            errors.Add($"{where}: priority '{raw.Priority}' is not one of P1, P2, P3, P4");
        }

        return errors.Count > before ? null : new FlowStep
        {
            Id = raw.Id!,
            Say = raw.Say,
            Outcome = outcome,
            Diagnosis = raw.Diagnosis,
            Priority = raw.Priority,
            Queue = raw.Queue,
        };
    }

    private static HashSet<string> ReachableFrom(string start, Dictionary<string, FlowStep> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var id))
        {
            foreach (var next in byId[id].Answers.Select(a => a.Goto).Where(seen.Add))
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    // Walks backwards from the ends: a step can finish when one of its answers leads to a step that can.
    private static HashSet<string> StepsThatReachAnEnd(List<FlowStep> steps)
    {
        var canEnd = steps.Where(s => s.IsEnd).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var step in steps.Where(s => !canEnd.Contains(s.Id) && s.Answers.Any(a => canEnd.Contains(a.Goto))))
            {
                grew |= canEnd.Add(step.Id);
            }
        }
        while (grew);
        return canEnd;
    }
}
