using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class EmailAnswerTests
{
    [Theory]
    [InlineData("bob@example.com", "bob@example.com")]
    [InlineData("  Bob.Smith@Example.COM  ", "Bob.Smith@example.com")]
    [InlineData("sure, it's bob@example.com.", "bob@example.com")]
    [InlineData("My email is <jane.doe+quotes@mail.example.co.uk>!", "jane.doe+quotes@mail.example.co.uk")]
    [InlineData("mailto:bob@example.com", "bob@example.com")]
    [InlineData("mi correo es maria.lopez@correo.es, gracias", "maria.lopez@correo.es")]
    [InlineData("c'est « jean@exemple.fr »", "jean@exemple.fr")]
    [InlineData("jürgen@Müller.de", "jürgen@müller.de")]
    [InlineData("no, it's bob@example.com", "bob@example.com")]
    [InlineData("bob@example.com or alice@example.org", "bob@example.com")]
    [InlineData("first bob@localhost then bob@example.com", "bob@example.com")]
    public void An_address_is_found_and_its_domain_lower_cased(string answer, string expected)
    {
        var accepted = LeadAnswers.Validate(LeadQuestionFormat.Email, answer).ShouldBeAccepted();

        accepted.Value.ShouldBe(expected);
        accepted.Display.ShouldBe(expected);
    }

    [Theory]
    [InlineData("bob@example")]
    [InlineData("bob@localhost")]
    [InlineData("bob@@example.com")]
    [InlineData("bob example.com")]
    [InlineData("bob@ example.com")]
    [InlineData("bob@example.c")]
    [InlineData("bob@192.168.1.10")]
    [InlineData(".bob@example.com")]
    [InlineData("bob..smith@example.com")]
    [InlineData("bob@-example.com")]
    [InlineData("bob@exa_mple.com")]
    [InlineData("bob@example..com")]
    [InlineData("@example.com")]
    [InlineData("my email is bob at example dot com")]
    [InlineData("I'll tell you later")]
    public void Anything_else_is_re_asked_with_an_example(string answer)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Email, answer).ShouldBeInvalid(LeadAnswerProblem.NotAnEmail)
            .Hint.ShouldBe("That doesn't look like an email address — could you check it? For example: name@example.com");
    }

    [Fact]
    public void A_local_part_longer_than_64_characters_is_refused()
    {
        LeadAnswers.Validate(LeadQuestionFormat.Email, new string('a', 65) + "@example.com").ShouldBeInvalid(LeadAnswerProblem.NotAnEmail);
        LeadAnswers.Validate(LeadQuestionFormat.Email, new string('a', 64) + "@example.com").ShouldBeAccepted();
    }
}
