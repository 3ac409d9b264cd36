using System.Globalization;
using SmbAgent.Leads;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// Checks a visitor's answer to a lead question against the question's format and turns it into the value a lead
/// stores, or into a friendly re-ask in the conversation's language. Deterministic: the only outside input is the
/// clock (for "today"/"tomorrow"), and no model is involved, so the capture works offline and in tests.
/// </summary>
public sealed class LeadAnswerValidator(TimeProvider clock)
{
    /// <summary>The longest answer taken; the chat API's own message limit is the outer bound.</summary>
    public const int MaxAnswerLength = 1000;

    public LeadAnswerResult Validate(LeadQuestion question, string? answer, LeadAnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Validate(question.Format, question.Options, question.IsRequired, answer, context);
    }

    /// <summary>The same, for a question held as a snapshot (e.g. in the conversation's cached state) rather than the entity.</summary>
    public LeadAnswerResult Validate(
        LeadQuestionFormat format,
        IReadOnlyList<string> options,
        bool isRequired,
        string? answer,
        LeadAnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var language = AnswerText.LanguageOf(context.Language);
        var text = AnswerText.Clean(answer ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return isRequired ? Required(language, format, options) : new LeadAnswerResult.Skipped();
        }

        if (text.Length > MaxAnswerLength)
        {
            return new LeadAnswerResult.Invalid(LeadAnswerProblem.TooLong, LeadAnswerHints.TooLong(language, MaxAnswerLength));
        }

        if (format == LeadQuestionFormat.Choice && options.Count > 0)
        {
            return Choice(text, options, isRequired, language);
        }

        var skip = SkipPhrases.Classify(text);
        // A soft "no" to a required free-text question is its answer ("Is anyone hurt?" — "No").
        if (skip == SkipKind.Explicit || (skip == SkipKind.Soft && !(isRequired && format == LeadQuestionFormat.Text)))
        {
            return isRequired ? Required(language, format, options) : new LeadAnswerResult.Skipped();
        }

        var region = PhoneAnswerReader.RegionOf(context.Country);
        var culture = CultureFor(language, region);
        return format switch
        {
            LeadQuestionFormat.Email => Email(text, language),
            LeadQuestionFormat.Phone => Phone(text, language, region),
            LeadQuestionFormat.Date => Date(text, language, culture, Today(context.TimeZoneId)),
            LeadQuestionFormat.Number => Number(text, language, culture),
            _ => new LeadAnswerResult.Accepted(text, text),
        };
    }

    private static LeadAnswerResult Choice(string text, IReadOnlyList<string> options, bool isRequired, string language)
    {
        var reading = ChoiceAnswerReader.Read(text, options);
        if (reading.Option is { } option)
        {
            return new LeadAnswerResult.Accepted(option, option);
        }

        // Options come first: "No" is an answer when "No" is one of them, a skip only when it isn't.
        if (SkipPhrases.Classify(text) != SkipKind.None)
        {
            return isRequired ? Required(language, LeadQuestionFormat.Choice, options) : new LeadAnswerResult.Skipped();
        }

        return reading.Ambiguous
            ? new LeadAnswerResult.Invalid(LeadAnswerProblem.AmbiguousOption, LeadAnswerHints.ChoiceAmbiguous(language, options))
            : new LeadAnswerResult.Invalid(LeadAnswerProblem.NoMatchingOption, LeadAnswerHints.ChoiceNoMatch(language, options));
    }

    private static LeadAnswerResult Email(string text, string language) =>
        EmailAnswerReader.Read(text) is { } email
            ? new LeadAnswerResult.Accepted(email, email)
            : new LeadAnswerResult.Invalid(LeadAnswerProblem.NotAnEmail, LeadAnswerHints.Email(language));

    private static LeadAnswerResult Phone(string text, string language, string region) =>
        PhoneAnswerReader.Read(text, region) is { } phone
            ? new LeadAnswerResult.Accepted(phone.E164, phone.Display)
            : new LeadAnswerResult.Invalid(LeadAnswerProblem.NotAPhoneNumber, LeadAnswerHints.Phone(language, PhoneAnswerReader.Example(region)));

    private static LeadAnswerResult Date(string text, string language, CultureInfo culture, DateOnly today) =>
        DateAnswerReader.Read(text, today, culture) is { } date
            ? new LeadAnswerResult.Accepted(
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                date.ToString(culture.DateTimeFormat.LongDatePattern, culture))
            : new LeadAnswerResult.Invalid(LeadAnswerProblem.NotADate, LeadAnswerHints.Date(language, DateAnswerReader.Example(today, culture)));

    private static LeadAnswerResult Number(string text, string language, CultureInfo culture) =>
        NumberAnswerReader.Read(text, language, culture) is { } number
            ? new LeadAnswerResult.Accepted(NumberAnswerReader.Invariant(number), NumberAnswerReader.Display(number, culture))
            : new LeadAnswerResult.Invalid(LeadAnswerProblem.NotANumber, LeadAnswerHints.Number(language));

    private static LeadAnswerResult.Invalid Required(string language, LeadQuestionFormat format, IReadOnlyList<string> options) =>
        new(LeadAnswerProblem.Required, format == LeadQuestionFormat.Choice && options.Count > 0
            ? $"{LeadAnswerHints.Required(language)} {LeadAnswerHints.ChoiceNoMatch(language, options)}"
            : LeadAnswerHints.Required(language));

    private DateOnly Today(string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    /// <summary>The language as written in the business's country (en-GB writes day/month, en-US month/day).</summary>
    private static CultureInfo CultureFor(string language, string region)
    {
        try
        {
            return CultureInfo.GetCultureInfo($"{language}-{region}", predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(language);
        }
    }
}
