using SmbAgent.Conversations.Assistant;

namespace SmbAgent.Application.Tests.Conversations.Assistant;

public sealed class AssistantPromptsTests
{
    private readonly AssistantPrompts prompts = new();

    [Fact]
    public void Each_process_gets_its_own_canary_and_every_prompt_carries_it()
    {
        var other = new AssistantPrompts();

        prompts.Canary.ShouldNotBe(other.Canary);
        prompts.Canary.Length.ShouldBeGreaterThanOrEqualTo(24);
        prompts.Classification.ShouldContain(prompts.Canary);
        foreach (var language in new[] { "en", "es", "fr", "de", "it", "pt" })
        {
            prompts.Answer(language).ShouldContain(prompts.Canary);
        }
    }

    [Fact]
    public void Output_with_the_canary_in_any_case_leaks()
    {
        prompts.Leaks($"The marker is {prompts.Canary.ToUpperInvariant()}.").ShouldBeTrue();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void Output_quoting_a_sentence_of_a_prompt_leaks_whatever_the_spacing_and_case(string language)
    {
        var sentence = prompts.Answer(language).Split('\n')[3];
        var mangled = string.Join("   \n", sentence.ToUpperInvariant().Split(' '));

        prompts.Leaks($"My rules say: {mangled}").ShouldBeTrue();
        prompts.Leaks("My rules say: " + prompts.Classification.Split('\n')[2]).ShouldBeTrue();
    }

    [Theory]
    [InlineData("We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.")]
    [InlineData("Yes, we install gas and electric water heaters, with a five year warranty.")]
    [InlineData("Sí, instalamos calentadores de agua de gas y eléctricos.")]
    public void An_ordinary_answer_does_not_leak(string answer) => prompts.Leaks(answer).ShouldBeFalse();

    [Fact]
    public void The_answer_prompt_names_the_conversations_language()
    {
        prompts.Answer("fr").ShouldContain("Write in French.");
        prompts.Answer("xx").ShouldContain("Write in English.");
    }
}
