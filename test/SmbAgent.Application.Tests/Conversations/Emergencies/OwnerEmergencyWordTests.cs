using SmbAgent.Conversations;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.Emergencies.Lexicon;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>Words the owner adds for their trade, matched with the same rules as the built-in lexicon.</summary>
public sealed class OwnerEmergencyWordTests
{
    private static readonly EmergencyLexicon Lexicon = new();

    [Fact]
    public void An_owner_word_raises_a_turn_the_lexicon_does_not_know()
    {
        OwnerEmergencyWord[] words = [new("sump pump", LeadPriority.Urgent)];

        Lexicon.Match("the sump pump is making a grinding noise", "en", []).Level.ShouldBe(LeadPriority.Normal);
        var assessment = Lexicon.Match("the sump pump is making a grinding noise", "en", words);

        assessment.ShouldBe(new EmergencyAssessment(LeadPriority.Urgent, EmergencyMatchKind.OwnerWord, "sump pump"));
    }

    [Theory]
    [InlineData("both SUMP PUMPS are off")]
    [InlineData("our walk-in freezer is warm")]
    [InlineData("the walk in freezers are warm")]
    [InlineData("la fuite d'eau continue")]
    [InlineData("LA FUITE D EAU CONTINUE")]
    public void Owner_words_tolerate_case_accents_plurals_and_open_endings(string turn)
    {
        OwnerEmergencyWord[] words =
        [
            new("sump pump", LeadPriority.Urgent),
            new("walk-in freez* ~ warm", LeadPriority.Urgent),
            new("Fuite d'Eau", LeadPriority.Urgent),
        ];

        Lexicon.Match(turn, "en", words).Level.ShouldBe(LeadPriority.Urgent);
    }

    [Fact]
    public void An_owner_word_outranks_the_built_in_level()
    {
        var assessment = Lexicon.Match("there's a small leak", "en", [new("leak", LeadPriority.Urgent)]);

        assessment.ShouldBe(new EmergencyAssessment(LeadPriority.Urgent, EmergencyMatchKind.OwnerWord, "leak"));
    }

    [Fact]
    public void A_lower_owner_word_cannot_lower_a_higher_built_in_phrase_elsewhere_in_the_turn()
    {
        var assessment = Lexicon.Match("the grease trap is full and the basement is flooding", "en", [new("grease trap", LeadPriority.High)]);

        assessment.Level.ShouldBe(LeadPriority.Urgent);
        assessment.MatchedBy.ShouldBe(EmergencyMatchKind.Lexicon);
    }

    [Fact]
    public void An_owner_word_at_normal_marks_a_built_in_phrase_as_harmless_for_this_business()
    {
        // A barbecue-smoker shop: "smoke" is their product, not a fire.
        OwnerEmergencyWord[] words = [new("smoke", LeadPriority.Normal)];

        Lexicon.Match("how much smoke does the offset model make?", "en", []).Level.ShouldBe(LeadPriority.Urgent);
        var assessment = Lexicon.Match("how much smoke does the offset model make?", "en", words);

        assessment.ShouldBe(new EmergencyAssessment(LeadPriority.Normal, EmergencyMatchKind.OwnerWord, "smoke"));
        assessment.IsCleared.ShouldBeTrue();
    }

    [Fact]
    public void Owner_words_are_negated_like_built_in_phrases()
    {
        var assessment = Lexicon.Match("there is no sump pump in the house", "en", [new("sump pump", LeadPriority.Urgent)]);

        assessment.Level.ShouldBe(LeadPriority.Normal);
        assessment.MatchedBy.ShouldBe(EmergencyMatchKind.OwnerWord);
    }

    [Fact]
    public void Owner_words_match_in_every_conversation_language()
    {
        OwnerEmergencyWord[] words = [new("panne de courant", LeadPriority.High)];

        Lexicon.Match("nous avons une panne de courant", "en", words).Level.ShouldBe(LeadPriority.High);
        Lexicon.Match("nous avons une panne de courant", "it", words).Level.ShouldBe(LeadPriority.High);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData("a")]
    [InlineData("no*")]
    [InlineData("pump ~")]
    [InlineData("a|b c")]
    public void Unusable_owner_words_are_ignored(string phrase)
    {
        var assessment = Lexicon.Match("no pump anywhere, a b c", "en", [new(phrase, LeadPriority.Urgent)]);

        assessment.Level.ShouldBe(LeadPriority.Normal);
    }
}
