using SmbAgent.Workspace;

namespace SmbAgent.Leads;

/// <summary>The lead questions a new business starts with, by business type. At most five (FREE's limit).</summary>
public static class StarterLeadQuestions
{
    public sealed record Starter(string Text, LeadQuestionFormat Format, bool IsRequired, LeadField MapsTo, bool IsEssentialForEmergency);

    public static IReadOnlyList<Starter> For(BusinessType type)
    {
        Starter name = new("What's your name?", LeadQuestionFormat.Text, true, LeadField.ContactName, false);
        Starter phone = new("What's the best phone number to reach you?", LeadQuestionFormat.Phone, true, LeadField.Phone, true);
        Starter email = new("What's your email address?", LeadQuestionFormat.Email, false, LeadField.Email, false);
        Starter address = new("What's the address of the property?", LeadQuestionFormat.Text, false, LeadField.Address, false);
        return type switch
        {
            BusinessType.Plumbing or BusinessType.Hvac or BusinessType.Electrical =>
            [
                name, phone, address,
                new("What's happening?", LeadQuestionFormat.Text, true, LeadField.Notes, true),
                email,
            ],
            BusinessType.Law =>
            [
                name, phone with { IsEssentialForEmergency = false }, email with { IsRequired = true },
                new("Briefly, what is your legal matter about?", LeadQuestionFormat.Text, true, LeadField.Notes, false),
            ],
            BusinessType.RealEstate =>
            [
                name, phone, email,
                new("Are you looking to buy, sell or rent?", LeadQuestionFormat.Choice, true, LeadField.Notes, false),
            ],
            BusinessType.Clinic =>
            [
                name, phone, email,
                new("What would you like to be seen for?", LeadQuestionFormat.Text, true, LeadField.Notes, true),
            ],
            _ => [name, phone, email, new("How can we help?", LeadQuestionFormat.Text, true, LeadField.Notes, true)],
        };
    }

    public static IReadOnlyList<string> OptionsFor(Starter starter) =>
        starter.Format == LeadQuestionFormat.Choice ? ["Buy", "Sell", "Rent"] : [];
}
