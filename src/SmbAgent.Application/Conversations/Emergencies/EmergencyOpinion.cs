namespace SmbAgent.Conversations.Emergencies;

/// <summary>The language model's second opinion on a turn the deterministic check flagged.</summary>
/// <param name="Level">Urgent, High or Normal, for this business.</param>
/// <param name="Reason">One of <see cref="EmergencyConfirmation.Reasons"/>: a code, so it can be logged without the visitor's words.</param>
public sealed record EmergencyOpinion(LeadPriority Level, string Reason);
