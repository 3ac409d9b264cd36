namespace SmbAgent.Notifications;

public enum NotificationKind
{
    /// <summary>To the business's contacts, for every new lead.</summary>
    NewLead = 0,

    /// <summary>To the visitor, when the business turned it on and the visitor gave an address.</summary>
    VisitorConfirmation = 1,

    /// <summary>To the business's contacts, when a visitor asks to talk to a person: about the conversation, not a lead.</summary>
    HumanRequested = 2,
}
