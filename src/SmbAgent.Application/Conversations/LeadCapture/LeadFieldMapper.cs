using SmbAgent.Leads;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>One accepted answer: the question and the <see cref="LeadAnswerResult.Accepted.Value"/> it got.</summary>
public sealed record CapturedAnswer(LeadQuestion Question, string Value);

/// <summary>An answer that fills no contact field, under the owner's custom field name or else the question's text.</summary>
public sealed record LeadCustomAnswer(string Name, string Value);

/// <summary>The contact fields of a new lead and everything else the visitor answered.</summary>
public sealed record LeadContactFields(
    string? ContactName,
    string? Email,
    string? Phone,
    string? Address,
    string? Notes,
    IReadOnlyList<LeadCustomAnswer> CustomAnswers);

/// <summary>
/// Turns the captured answers into a lead's contact fields by each question's <see cref="LeadQuestion.MapsTo"/>.
/// An answer that can't go into its contact field is kept as a custom answer rather than dropped; from a free-text
/// answer mapped to Email or Phone only the address or number is kept, which is what the owner asked for by mapping it.
/// </summary>
public static class LeadFieldMapper
{
    /// <param name="answers">Accepted answers, in any order; they are read in question order.</param>
    /// <param name="country">The business's country, for a phone answer given to a question that isn't in phone format.</param>
    public static LeadContactFields Map(IEnumerable<CapturedAnswer> answers, string country)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var ordered = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).OrderBy(a => a.Question.Position).ToList();
        var region = PhoneAnswerReader.RegionOf(country);
        var custom = new List<LeadCustomAnswer>();
        string? email = null;
        string? phone = null;
        foreach (var answer in ordered)
        {
            switch (answer.Question.MapsTo)
            {
                // The address a confirmation mail may go to and the number the owner dials must be well-formed whatever
                // format the owner gave the question; a second one, or a malformed one, is kept as a custom answer.
                case LeadField.Email when email is null && EmailAnswerReader.Read(answer.Value) is { } address:
                    email = address;
                    break;
                case LeadField.Phone when phone is null && PhoneAnswerReader.Read(answer.Value.Trim(), region) is { } number:
                    phone = number.E164;
                    break;
                case LeadField.ContactName or LeadField.Address or LeadField.Notes:
                    break;
                default:
                    custom.Add(new LeadCustomAnswer(NameOf(answer.Question), answer.Value.Trim()));
                    break;
            }
        }

        return new LeadContactFields(
            Join(ordered, LeadField.ContactName, " "),
            email,
            phone,
            Join(ordered, LeadField.Address, ", "),
            Notes(ordered),
            custom);
    }

    /// <summary>"First name" + "Last name", "Street" + "City": several questions may fill one field together.</summary>
    private static string? Join(List<CapturedAnswer> answers, LeadField field, string separator)
    {
        var values = answers.Where(a => a.Question.MapsTo == field).Select(a => a.Value.Trim()).ToList();
        return values.Count == 0 ? null : string.Join(separator, values);
    }

    /// <summary>One notes answer is the notes; several are labelled with their questions so the owner knows which is which.</summary>
    private static string? Notes(List<CapturedAnswer> answers)
    {
        var notes = answers.Where(a => a.Question.MapsTo == LeadField.Notes).ToList();
        return notes.Count switch
        {
            0 => null,
            1 => notes[0].Value.Trim(),
            _ => string.Join("\n", notes.Select(a => $"{a.Question.Text.Trim()}: {a.Value.Trim()}")),
        };
    }

    private static string NameOf(LeadQuestion question) =>
        question.MapsTo == LeadField.Custom && !string.IsNullOrWhiteSpace(question.CustomFieldName)
            ? question.CustomFieldName.Trim()
            : question.Text.Trim();
}
