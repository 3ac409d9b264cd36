using SmbAgent.Conversations;

namespace SmbAgent.Application.Tests.Conversations;

public sealed class VisitorIntentsTests
{
    [Theory]
    [InlineData("Je voudrais parler à quelqu'un", VisitorIntent.Human)]
    [InlineData("Quero falar com alguém, por favor", VisitorIntent.Human)]
    [InlineData("Can I speak to a real person?", VisitorIntent.Human)]
    [InlineData("Ligue-me amanhã", VisitorIntent.LeaveDetails)]
    [InlineData("Un rendez-vous jeudi ?", VisitorIntent.LeaveDetails)]
    [InlineData("Bitte um RÜCKRUF", VisitorIntent.LeaveDetails)]
    [InlineData("D’accord", VisitorIntent.Yes)]
    [InlineData("Sí.", VisitorIntent.Yes)]
    [InlineData("Não, obrigado", VisitorIntent.No)]
    [InlineData("Buenos días!", VisitorIntent.Greeting)]
    [InlineData("No, but what are your opening hours on Sunday?", VisitorIntent.Question)]
    [InlineData("How much does a boiler service cost?", VisitorIntent.Question)]
    public void Intents_are_read_whatever_the_case_accents_and_apostrophes(string text, VisitorIntent expected) =>
        VisitorIntents.Detect(text).ShouldBe(expected);
}
