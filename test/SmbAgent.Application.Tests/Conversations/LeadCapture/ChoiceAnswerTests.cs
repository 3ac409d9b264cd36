using SmbAgent.Conversations.LeadCapture;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class ChoiceAnswerTests
{
    private static readonly string[] BuySellRent = ["Buy", "Sell", "Rent"];

    [Theory]
    [InlineData("Buy", "Buy")]
    [InlineData("  SELL  ", "Sell")]
    [InlineData("rent.", "Rent")]
    [InlineData("2", "Sell")]
    [InlineData("#3", "Rent")]
    [InlineData("option 1", "Buy")]
    [InlineData("I'd like to sell my flat", "Sell")]
    [InlineData("we want to RENT please", "Rent")]
    public void An_option_is_picked_by_text_number_or_mention(string answer, string expected)
    {
        var accepted = LeadAnswers.Choose(answer, true, BuySellRent).ShouldBeAccepted();

        accepted.Value.ShouldBe(expected);
        accepted.Display.ShouldBe(expected);
    }

    [Theory]
    [InlineData("electricite", "Électricité")]
    [InlineData("plomberie urgente", "Plomberie")]
    [InlineData("CHAUFFAGE", "Chauffage")]
    public void Case_and_accents_do_not_matter(string answer, string expected)
    {
        LeadAnswers.Choose(answer, true, "Électricité", "Plomberie", "Chauffage").ShouldBeAccepted().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("rent to own please", "Rent to own")]
    [InlineData("rent", "Rent")]
    [InlineData("Rent.", "Rent")]
    public void The_longer_option_wins_when_it_contains_the_shorter(string answer, string expected)
    {
        LeadAnswers.Choose(answer, true, "Rent", "Rent to own").ShouldBeAccepted().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("sell", "Sell my home")]
    [InlineData("buying", null)]
    [InlineData("home", null)]
    public void A_word_of_exactly_one_option_picks_it(string answer, string? expected)
    {
        var result = LeadAnswers.Choose(answer, true, "Sell my home", "Buy a home", "Rent");

        if (expected is null)
        {
            result.ShouldBeOfType<LeadAnswerResult.Invalid>();
        }
        else
        {
            result.ShouldBeAccepted().Value.ShouldBe(expected);
        }
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("4+", "4+")]
    [InlineData("4", "4")]
    public void Options_that_are_numbers_match_by_text_before_position(string answer, string expected)
    {
        LeadAnswers.Choose(answer, true, "2", "3", "4", "4+").ShouldBeAccepted().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2", null)]
    [InlineData("2 bedrooms", "2 bedrooms")]
    [InlineData("3", "2 bedrooms")]
    [InlineData("1", null)]
    [InlineData("option 2", null)]
    [InlineData("studio", "Studio")]
    public void A_number_that_is_both_a_position_and_an_option_text_is_asked_again(string answer, string? expected)
    {
        var result = LeadAnswers.Choose(answer, true, "Studio", "1 bedroom", "2 bedrooms");

        if (expected is null)
        {
            result.ShouldBeInvalid(LeadAnswerProblem.AmbiguousOption);
        }
        else
        {
            result.ShouldBeAccepted().Value.ShouldBe(expected);
        }
    }

    [Fact]
    public void No_is_an_option_before_it_is_a_skip()
    {
        LeadAnswers.Choose("no", false, "Yes", "No").ShouldBeAccepted().Value.ShouldBe("No");
    }

    [Fact]
    public void Naming_two_options_is_ambiguous_and_lists_them()
    {
        LeadAnswers.Choose("buy or sell", true, BuySellRent).ShouldBeInvalid(LeadAnswerProblem.AmbiguousOption)
            .Hint.ShouldBe("Which one do you mean? Please pick just one: 1) Buy, 2) Sell, 3) Rent");
    }

    [Theory]
    [InlineData("lease")]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("whatever")]
    public void No_option_named_is_re_asked_with_the_numbered_options(string answer)
    {
        LeadAnswers.Choose(answer, true, BuySellRent).ShouldBeInvalid(LeadAnswerProblem.NoMatchingOption)
            .Hint.ShouldBe("Please pick one of these: 1) Buy, 2) Sell, 3) Rent");
    }

    [Fact]
    public void An_optional_choice_can_be_skipped_and_a_required_one_cannot()
    {
        LeadAnswers.Choose("skip", false, BuySellRent).ShouldBeOfType<LeadAnswerResult.Skipped>();

        LeadAnswers.Choose("skip", true, BuySellRent).ShouldBeInvalid(LeadAnswerProblem.Required)
            .Hint.ShouldBe("We need this one to help you, so it can't be skipped — could you answer it, please? Please pick one of these: 1) Buy, 2) Sell, 3) Rent");
    }
}
