using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Priority;

namespace FirstLine.Dialogs.Tests.Support.Units;

public sealed class PriorityTests
{
    [Theory]
    [InlineData(Impact.Organization, Urgency.CannotWork, Priority.P1)]
    [InlineData(Impact.Organization, Urgency.Impaired, Priority.P2)]
    [InlineData(Impact.Team, Urgency.CannotWork, Priority.P2)]
    [InlineData(Impact.Team, Urgency.Impaired, Priority.P3)]
    [InlineData(Impact.Individual, Urgency.CannotWork, Priority.P3)]
    [InlineData(Impact.Individual, Urgency.Impaired, Priority.P4)]
    [InlineData(Impact.Individual, Urgency.CanWork, Priority.P4)]
    public void Matrix_follows_itil(Impact impact, Urgency urgency, Priority expected) =>
        Assert.Equal(expected, PriorityMatrix.Lookup(impact, urgency));

    [Theory]
    [InlineData("Das WLAN geht im ganzen Büro nicht", Impact.Organization)]
    [InlineData("Bei meinem Team geht Outlook nicht", Impact.Team)]
    [InlineData("Nur bei mir geht der Drucker nicht", Impact.Individual)]
    [InlineData("everyone in the office lost the network", Impact.Organization)]
    [InlineData("just me, the others are fine", Impact.Individual)]
    public void Impact_is_read_from_explicit_words(string text, Impact expected) =>
        Assert.Equal(expected, TextSignals.ReadImpact(text)!.Value.Impact);

    [Theory]
    [InlineData("Ich kann so nicht arbeiten", Urgency.CannotWork)]
    [InlineData("wir können alle nicht arbeiten", Urgency.CannotWork)]
    [InlineData("es ist nicht dringend", Urgency.CanWork)]
    [InlineData("I can't work at all", Urgency.CannotWork)]
    [InlineData("no rush, whenever you can", Urgency.CanWork)]
    [InlineData("it's very slow", Urgency.Impaired)]
    public void Urgency_is_read_from_explicit_words(string text, Urgency expected) =>
        Assert.Equal(expected, TextSignals.ReadUrgency(text)!.Value.Urgency);

    [Fact]
    public void Nothing_said_means_nothing_read() =>
        Assert.Null(TextSignals.ReadImpact("Mein Drucker druckt nicht"));

    [Fact]
    public void Outage_words_raise_and_every_step_is_kept_as_a_reason()
    {
        var assessment = PriorityAssessor.Assess(Inputs(Impact.Team, Urgency.Impaired, "Der Server ist down", frustration: null, hint: null));
        Assert.Equal(Priority.P2, assessment.Priority);
        Assert.Equal(
            [PriorityFactor.ImpactAnswered, PriorityFactor.UrgencyAnswered, PriorityFactor.Matrix, PriorityFactor.OutageWords],
            assessment.Rationale.Select(r => r.Factor));
    }

    [Fact]
    public void Frustration_alone_never_makes_a_p1()
    {
        var assessment = PriorityAssessor.Assess(Inputs(Impact.Team, Urgency.CannotWork, "geht nicht", "very negative tone", hint: null));
        Assert.Equal(Priority.P2, assessment.Priority);
        Assert.DoesNotContain(assessment.Rationale, r => r.Factor == PriorityFactor.StrongFrustration);
    }

    [Fact]
    public void A_flow_hint_wins_when_it_is_more_urgent()
    {
        var assessment = PriorityAssessor.Assess(Inputs(Impact.Individual, Urgency.CanWork, "link geklickt", null, Priority.P1));
        Assert.Equal(Priority.P1, assessment.Priority);
        Assert.Equal(PriorityFactor.GuidedFlowHint, assessment.Rationale[^1].Factor);
    }

    private static PriorityInputs Inputs(Impact impact, Urgency urgency, string text, string? frustration, Priority? hint) => new(
        impact, new PriorityReason(PriorityFactor.ImpactAnswered, "answered"),
        urgency, new PriorityReason(PriorityFactor.UrgencyAnswered, "answered"),
        text, frustration, hint);
}
