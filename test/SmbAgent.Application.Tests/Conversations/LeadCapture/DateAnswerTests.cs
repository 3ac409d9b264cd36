using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

/// <summary>Today is Monday 23 November 2026 in every case but the time-zone ones.</summary>
public sealed class DateAnswerTests
{
    [Theory]
    // English, United States: month first
    [InlineData("en", "US", "2026-12-24", "2026-12-24")]
    [InlineData("en", "US", "12/24/2026", "2026-12-24")]
    [InlineData("en", "US", "12/24/26", "2026-12-24")]
    [InlineData("en", "US", "12/24", "2026-12-24")]
    [InlineData("en", "US", "December 24th", "2026-12-24")]
    [InlineData("en", "US", "Dec 24, 2027", "2027-12-24")]
    [InlineData("en", "US", "the 3rd of March", "2027-03-03")]
    [InlineData("en", "US", "Thursday, December 24, 2026", "2026-12-24")]
    [InlineData("en", "US", "today", "2026-11-23")]
    [InlineData("en", "US", "Tomorrow please", "2026-11-24")]
    [InlineData("en", "US", "the day after tomorrow", "2026-11-25")]
    [InlineData("en", "US", "can you come on Friday?", "2026-11-27")]
    [InlineData("en", "US", "next monday", "2026-11-30")]
    [InlineData("en", "US", "24/12/2026", "2026-12-24")]
    [InlineData("en", "US", "tomorrow at 10.30.", "2026-11-24")]
    // English, United Kingdom: day first
    [InlineData("en", "GB", "24/12/2026", "2026-12-24")]
    [InlineData("en", "GB", "3/12", "2026-12-03")]
    // German
    [InlineData("de", "DE", "24.12.2026", "2026-12-24")]
    [InlineData("de", "DE", "am 24.12.", "2026-12-24")]
    [InlineData("de", "DE", "24. Dezember 2026", "2026-12-24")]
    [InlineData("de", "DE", "3. März", "2027-03-03")]
    [InlineData("de", "DE", "heute", "2026-11-23")]
    [InlineData("de", "DE", "morgen", "2026-11-24")]
    [InlineData("de", "DE", "übermorgen", "2026-11-25")]
    [InlineData("de", "DE", "am Freitag", "2026-11-27")]
    [InlineData("de", "DE", "Montag morgen", "2026-11-30")]
    [InlineData("de", "DE", "heute Morgen", "2026-11-23")]
    [InlineData("de", "DE", "morgen um 10.30 Uhr", "2026-11-24")]
    // French
    [InlineData("fr", "FR", "24/12/2026", "2026-12-24")]
    [InlineData("fr", "FR", "24 décembre 2026", "2026-12-24")]
    [InlineData("fr", "FR", "le 1er décembre", "2026-12-01")]
    [InlineData("fr", "FR", "aujourd'hui", "2026-11-23")]
    [InlineData("fr", "FR", "demain", "2026-11-24")]
    [InlineData("fr", "FR", "après-demain", "2026-11-25")]
    [InlineData("fr", "FR", "vendredi", "2026-11-27")]
    [InlineData("fr", "FR", "lundi prochain", "2026-11-30")]
    // Spanish
    [InlineData("es", "ES", "24/12/2026", "2026-12-24")]
    [InlineData("es", "ES", "24 de diciembre de 2026", "2026-12-24")]
    [InlineData("es", "ES", "hoy", "2026-11-23")]
    [InlineData("es", "ES", "mañana", "2026-11-24")]
    [InlineData("es", "ES", "mañana por la mañana", "2026-11-24")]
    [InlineData("es", "ES", "pasado mañana", "2026-11-25")]
    [InlineData("es", "ES", "el miercoles", "2026-11-25")]
    // Italian
    [InlineData("it", "IT", "24/12/2026", "2026-12-24")]
    [InlineData("it", "IT", "24 dicembre", "2026-12-24")]
    [InlineData("it", "IT", "oggi", "2026-11-23")]
    [InlineData("it", "IT", "domani", "2026-11-24")]
    [InlineData("it", "IT", "dopodomani", "2026-11-25")]
    [InlineData("it", "IT", "venerdì", "2026-11-27")]
    [InlineData("it", "IT", "lunedi", "2026-11-30")]
    // Portuguese
    [InlineData("pt", "BR", "24/12/2026", "2026-12-24")]
    [InlineData("pt", "BR", "24 de dezembro", "2026-12-24")]
    [InlineData("pt", "BR", "hoje", "2026-11-23")]
    [InlineData("pt", "BR", "amanhã", "2026-11-24")]
    [InlineData("pt", "BR", "depois de amanhã", "2026-11-25")]
    [InlineData("pt", "BR", "sexta-feira", "2026-11-27")]
    [InlineData("pt", "PT", "na segunda", "2026-11-30")]
    // A visitor answering in another language than the conversation's
    [InlineData("en", "US", "mañana", "2026-11-24")]
    public void A_date_is_read_in_the_conversation_language_and_stored_as_iso(string language, string country, string answer, string expected)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Date, answer, language, country, timeZone: "Europe/Berlin")
            .ShouldBeAccepted().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("12/20", "2026-12-20")]
    [InlineData("11/20", "2026-11-20")]
    [InlineData("01/05", "2027-01-05")]
    [InlineData("5/24", "2027-05-24")]
    [InlineData("5/25", "2026-05-25")]
    public void A_date_without_a_year_is_the_nearest_occurrence(string answer, string expected)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Date, answer).ShouldBeAccepted().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("en", "US", "whenever suits you")]
    [InlineData("en", "US", "next week")]
    [InlineData("en", "US", "13/45/2026")]
    [InlineData("en", "US", "2/30/2027")]
    [InlineData("en", "US", "friday or saturday")]
    [InlineData("en", "US", "12/24 or 12/26")]
    [InlineData("de", "DE", "10.30")]
    [InlineData("fr", "FR", "32 décembre")]
    [InlineData("en", "US", "I may come")]
    public void Anything_else_is_re_asked(string language, string country, string answer)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Date, answer, language, country).ShouldBeInvalid(LeadAnswerProblem.NotADate);
    }

    [Theory]
    [InlineData("en", "US", "I couldn't read that as a date — could you write it like 11/23/2026, or say \"tomorrow\" or a day such as \"Monday\"?")]
    [InlineData("de", "DE", "Dieses Datum konnte ich nicht lesen. Könnten Sie es wie 23.11.2026 schreiben oder „morgen“ oder einen Tag wie „Montag“ sagen?")]
    public void The_re_ask_shows_today_in_the_expected_order(string language, string country, string hint)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Date, "soon", language, country).ShouldBeInvalid(LeadAnswerProblem.NotADate).Hint.ShouldBe(hint);
    }

    [Theory]
    [InlineData("en", "US", "December")]
    [InlineData("de", "DE", "Dezember")]
    [InlineData("fr", "FR", "décembre")]
    public void It_is_shown_back_as_a_long_date_of_the_culture(string language, string country, string month)
    {
        var display = LeadAnswers.Validate(LeadQuestionFormat.Date, "2026-12-24", language, country).ShouldBeAccepted().Display;

        display.ShouldContain(month);
        display.ShouldContain("24");
        display.ShouldContain("2026");
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-24")]
    [InlineData("Europe/Berlin", "2026-11-25")]
    [InlineData("Not/AZone", "2026-11-25")]
    public void Tomorrow_is_tomorrow_where_the_business_is(string timeZone, string expected)
    {
        // 03:00 UTC on Tuesday: still Monday evening in New York, already Tuesday in Berlin.
        var now = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

        LeadAnswers.Validate(LeadQuestionFormat.Date, "tomorrow", timeZone: timeZone, now: now).ShouldBeAccepted().Value.ShouldBe(expected);
    }
}
