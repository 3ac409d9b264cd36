using SmbAgent.Conversations.Assistant;
using SmbAgent.KnowledgeBase.Search;

namespace SmbAgent.Application.Tests.Conversations.Assistant;

public sealed class GroundedAnswersTests
{
    private static readonly KnowledgePassage[] Passages = [Passage("Opening hours"), Passage("Water heaters"), Passage("Prices")];

    [Fact]
    public void Cited_numbers_map_to_the_passages_offered_in_the_order_cited_each_once()
    {
        var answer = GroundedAnswers.Read("""{"answered":true,"answer":"  Open Saturdays 9–1; heaters installed.  ","passages":[2,1,2]}""", Passages, 1000);

        answer.ShouldNotBeNull();
        answer.Kind.ShouldBe(AssistantAnswerKind.Answered);
        answer.Text.ShouldBe("Open Saturdays 9–1; heaters installed.");
        answer.Sources.Select(p => p.Citation).ShouldBe(["Water heaters", "Opening hours"]);
    }

    [Fact]
    public void Answered_false_means_the_passages_do_not_answer()
    {
        var answer = GroundedAnswers.Read("""{"answered":false,"answer":"","passages":[]}""", Passages, 1000);

        answer.ShouldBe(AssistantAnswer.NotInPassages);
    }

    [Theory]
    [InlineData("""{"answered":true,"answer":"We are open 24/7.","passages":[]}""", "no citation: not grounded")]
    [InlineData("""{"answered":true,"answer":"We are open 24/7.","passages":[1,4]}""", "a passage that was never offered")]
    [InlineData("""{"answered":true,"answer":"We are open 24/7.","passages":[0]}""", "numbers start at 1")]
    [InlineData("""{"answered":true,"answer":"We are open.","passages":["1"]}""", "a number as text")]
    [InlineData("""{"answered":true,"answer":"   ","passages":[1]}""", "an empty answer")]
    [InlineData("""{"answered":true,"passages":[1]}""", "no answer")]
    [InlineData("""{"answer":"We are open.","passages":[1]}""", "no verdict")]
    [InlineData("""{"answered":"yes","answer":"We are open.","passages":[1]}""", "a verdict as text")]
    [InlineData("""We are open on Saturdays [1]""", "not JSON")]
    [InlineData("""[{"answered":true}]""", "not an object")]
    public void Output_that_is_not_a_grounded_answer_is_invalid(string output, string why) =>
        GroundedAnswers.Read(output, Passages, 1000).ShouldBeNull(why);

    [Fact]
    public void An_answer_longer_than_the_limit_is_invalid_and_control_characters_are_dropped()
    {
        GroundedAnswers.Read("""{"answered":true,"answer":"0123456789A","passages":[1]}""", Passages, 10).ShouldBeNull();
        GroundedAnswers.Read("""{"answered":true,"answer":"Open\u0000 Saturdays\u202E","passages":[1]}""", Passages, 100)!.Text.ShouldBe("Open Saturdays");
    }

    private static KnowledgePassage Passage(string citation) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "FAQ", citation, null, $"{citation}\nSome text.", 0.03, 0.5, null);
}
