namespace SmbAgent.Notifications;

/// <summary>The owner's SMS when a visitor asks for a person: short, with the link to the chat and nothing the visitor typed.</summary>
public static class HumanRequestedSms
{
    public static string Create(string businessName, Uri conversationLink) =>
        $"{businessName} - a visitor in the website chat wants to talk to a person: {conversationLink.AbsoluteUri}";
}
