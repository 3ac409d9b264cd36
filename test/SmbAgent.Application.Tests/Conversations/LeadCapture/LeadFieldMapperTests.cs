using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class LeadFieldMapperTests
{
    private static CapturedAnswer Answer(int position, string text, LeadField mapsTo, string value, LeadQuestionFormat format = LeadQuestionFormat.Text, string? customName = null) =>
        new(new LeadQuestion(Guid.Empty, Guid.Empty, text, format, position) { MapsTo = mapsTo, CustomFieldName = customName }, value);

    [Fact]
    public void The_starter_questions_fill_the_contact_fields()
    {
        var fields = LeadFieldMapper.Map(
        [
            Answer(0, "What's your name?", LeadField.ContactName, "Jane Doe"),
            Answer(1, "What's the best phone number to reach you?", LeadField.Phone, "+12015550123", LeadQuestionFormat.Phone),
            Answer(2, "What's the address of the property?", LeadField.Address, "1 Main St, Springfield"),
            Answer(3, "What's happening?", LeadField.Notes, "Water heater leaking"),
            Answer(4, "What's your email address?", LeadField.Email, "jane@example.com", LeadQuestionFormat.Email),
        ], "US");

        fields.ShouldBe(new LeadContactFields("Jane Doe", "jane@example.com", "+12015550123", "1 Main St, Springfield", "Water heater leaking", fields.CustomAnswers));
        fields.CustomAnswers.ShouldBeEmpty();
    }

    [Fact]
    public void Custom_answers_are_named_by_the_custom_field_or_else_the_question()
    {
        var fields = LeadFieldMapper.Map(
        [
            Answer(1, "Are you looking to buy, sell or rent?", LeadField.Custom, "Buy", LeadQuestionFormat.Choice),
            Answer(0, "What's your budget?", LeadField.Custom, "250000", LeadQuestionFormat.Number, customName: "Budget"),
        ], "US");

        fields.CustomAnswers.ShouldBe([new LeadCustomAnswer("Budget", "250000"), new LeadCustomAnswer("Are you looking to buy, sell or rent?", "Buy")]);
        fields.ContactName.ShouldBeNull();
        fields.Email.ShouldBeNull();
        fields.Phone.ShouldBeNull();
        fields.Address.ShouldBeNull();
        fields.Notes.ShouldBeNull();
    }

    [Fact]
    public void Several_questions_fill_one_field_together_in_question_order()
    {
        var fields = LeadFieldMapper.Map(
        [
            Answer(1, "Last name?", LeadField.ContactName, "Doe"),
            Answer(0, "First name?", LeadField.ContactName, "Jane"),
            Answer(3, "City?", LeadField.Address, "Springfield"),
            Answer(2, "Street?", LeadField.Address, "1 Main St"),
            Answer(5, "Since when?", LeadField.Notes, "2026-11-20", LeadQuestionFormat.Date),
            Answer(4, "What's happening?", LeadField.Notes, "No hot water"),
        ], "US");

        fields.ContactName.ShouldBe("Jane Doe");
        fields.Address.ShouldBe("1 Main St, Springfield");
        fields.Notes.ShouldBe("What's happening?: No hot water\nSince when?: 2026-11-20");
    }

    [Fact]
    public void A_contact_value_that_is_not_well_formed_is_kept_as_a_custom_answer()
    {
        var fields = LeadFieldMapper.Map(
        [
            Answer(0, "How can we reach you?", LeadField.Email, "call me instead"),
            Answer(1, "Your number?", LeadField.Phone, "evenings only"),
        ], "US");

        fields.Email.ShouldBeNull();
        fields.Phone.ShouldBeNull();
        fields.CustomAnswers.ShouldBe([new LeadCustomAnswer("How can we reach you?", "call me instead"), new LeadCustomAnswer("Your number?", "evenings only")]);
    }

    [Fact]
    public void A_text_question_mapped_to_phone_or_email_is_normalised_with_the_business_country()
    {
        var fields = LeadFieldMapper.Map(
        [
            Answer(0, "Phone?", LeadField.Phone, "030 12345678"),
            Answer(1, "Email?", LeadField.Email, "it's Jane@Example.COM"),
        ], "DE");

        fields.Phone.ShouldBe("+493012345678");
        fields.Email.ShouldBe("Jane@example.com");
    }

    [Fact]
    public void The_first_phone_and_email_are_the_contact_ones_and_later_ones_are_kept()
    {
        var fields = LeadFieldMapper.Map(
        [
            Answer(0, "Mobile?", LeadField.Phone, "+12015550123", LeadQuestionFormat.Phone),
            Answer(1, "Work phone?", LeadField.Phone, "+13127334500", LeadQuestionFormat.Phone),
            Answer(2, "Email?", LeadField.Email, "jane@example.com", LeadQuestionFormat.Email),
            Answer(3, "Other email?", LeadField.Email, "jane@work.example", LeadQuestionFormat.Email),
        ], "US");

        fields.Phone.ShouldBe("+12015550123");
        fields.Email.ShouldBe("jane@example.com");
        fields.CustomAnswers.ShouldBe([new LeadCustomAnswer("Work phone?", "+13127334500"), new LeadCustomAnswer("Other email?", "jane@work.example")]);
    }

    [Fact]
    public void Blank_values_are_ignored()
    {
        var fields = LeadFieldMapper.Map([Answer(0, "Name?", LeadField.ContactName, "  "), Answer(1, "Budget?", LeadField.Custom, "")], "US");

        fields.ContactName.ShouldBeNull();
        fields.CustomAnswers.ShouldBeEmpty();
    }
}
