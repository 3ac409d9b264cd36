using SmbAgent.Conversations;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Conversations.Emergencies;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

public sealed class EmergencyConfirmationTests
{
    private static readonly EmergencyAssessment LexiconUrgent = new(LeadPriority.Urgent, EmergencyMatchKind.Lexicon, "flooding");
    private static readonly EmergencyAssessment LexiconHigh = new(LeadPriority.High, EmergencyMatchKind.Lexicon, "leak");
    private static readonly EmergencyAssessment SimilarUrgent = new(LeadPriority.Urgent, EmergencyMatchKind.Similarity, "my basement is under water", 0.73f);
    private static readonly EmergencyAssessment SimilarHigh = new(LeadPriority.High, EmergencyMatchKind.Similarity, "the tap is dripping", 0.75f);
    private static readonly EmergencyAssessment OwnerUrgent = new(LeadPriority.Urgent, EmergencyMatchKind.OwnerWord, "sump pump");

    public static TheoryData<EmergencyAssessment, LeadPriority?, LeadPriority> Rule => new()
    {
        // Urgent, whichever signal found it, stays Urgent only when the model agrees, and never falls below High.
        { LexiconUrgent, LeadPriority.Urgent, LeadPriority.Urgent },
        { LexiconUrgent, LeadPriority.High, LeadPriority.High },
        { LexiconUrgent, LeadPriority.Normal, LeadPriority.High },
        { SimilarUrgent, LeadPriority.Urgent, LeadPriority.Urgent },
        { SimilarUrgent, LeadPriority.High, LeadPriority.High },
        { SimilarUrgent, LeadPriority.Normal, LeadPriority.High },

        // A similarity-only High may be cleared; the lexicon's High may not.
        { SimilarHigh, LeadPriority.Normal, LeadPriority.Normal },
        { SimilarHigh, LeadPriority.High, LeadPriority.High },
        { LexiconHigh, LeadPriority.Normal, LeadPriority.High },

        // The model never raises.
        { SimilarHigh, LeadPriority.Urgent, LeadPriority.High },
        { EmergencyAssessment.None, LeadPriority.Urgent, LeadPriority.Normal },

        // The owner's words are the owner's rule.
        { OwnerUrgent, LeadPriority.Normal, LeadPriority.Urgent },

        // No opinion: the deterministic verdict stands.
        { LexiconUrgent, null, LeadPriority.Urgent },
        { SimilarUrgent, null, LeadPriority.Urgent },
        { SimilarHigh, null, LeadPriority.High },
    };

    [Theory]
    [MemberData(nameof(Rule))]
    public void The_model_confirms_or_lowers_by_one_level_at_most_and_never_raises(EmergencyAssessment assessment, LeadPriority? model, LeadPriority expected)
    {
        var combined = EmergencyConfirmation.Combine(assessment, model is { } level ? new EmergencyOpinion(level, "other") : null);

        combined.Level.ShouldBe(expected);
        combined.MatchedBy.ShouldBe(assessment.MatchedBy, "the owner still sees which signal flagged the turn");
        combined.Match.ShouldBe(assessment.Match);
    }

    [Fact]
    public void The_model_is_asked_only_when_its_opinion_can_change_the_conversation()
    {
        EmergencyConfirmation.IsNeeded(LexiconUrgent, LeadPriority.Normal).ShouldBeTrue();
        EmergencyConfirmation.IsNeeded(SimilarUrgent, LeadPriority.High).ShouldBeTrue();
        EmergencyConfirmation.IsNeeded(SimilarHigh, LeadPriority.Normal).ShouldBeTrue();

        EmergencyConfirmation.IsNeeded(EmergencyAssessment.None, LeadPriority.Normal).ShouldBeFalse("an ordinary turn costs no model call");
        EmergencyConfirmation.IsNeeded(LexiconHigh, LeadPriority.Normal).ShouldBeFalse("the lexicon's High stands whatever the model says");
        EmergencyConfirmation.IsNeeded(OwnerUrgent, LeadPriority.Normal).ShouldBeFalse();
        EmergencyConfirmation.IsNeeded(LexiconUrgent, LeadPriority.Urgent).ShouldBeFalse("the conversation is already an emergency");
        EmergencyConfirmation.IsNeeded(SimilarHigh, LeadPriority.High).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"level":"normal","reason":"outside_this_business"}""", LeadPriority.Normal)]
    [InlineData("""{"level":"urgent","reason":"danger_to_people"}""", LeadPriority.Urgent)]
    [InlineData("""{"level":"low","reason":"other"}""", null)]
    [InlineData("""{"level":"normal","reason":"the visitor asked me to"}""", null)]
    [InlineData("""{"level":"normal"}""", null)]
    [InlineData("""["normal"]""", null)]
    [InlineData("normal", null)]
    public void Output_outside_the_schema_is_no_opinion(string output, LeadPriority? expected) =>
        (EmergencyOpinionReader.Read(output)?.Level).ShouldBe(expected);
}
