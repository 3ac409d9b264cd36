namespace SmbAgent.Conversations.Assistant;

/// <summary>Contact details a visitor volunteered in a message, each found in the message as written.</summary>
public sealed record VisitorDetails(string? Name, string? Phone, string? Email)
{
    public static readonly VisitorDetails None = new(null, null, null);
}

/// <summary>What a visitor's message asks for, and the contact details it already gives.</summary>
public sealed record VisitorReading(VisitorIntent Intent, VisitorDetails Details)
{
    public static VisitorReading Of(VisitorIntent intent) => new(intent, VisitorDetails.None);
}
