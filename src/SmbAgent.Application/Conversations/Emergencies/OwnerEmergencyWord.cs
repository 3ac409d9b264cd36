namespace SmbAgent.Conversations.Emergencies;

/// <summary>
/// A phrase the owner added for their trade ("sump pump", "no cooling"), in any of the conversation languages.
/// Words match whole words, case and accents aside, with a plain plural ("pump" finds "pumps"); a trailing
/// <c>*</c> matches any ending ("freez*"), <c>~</c> allows a few words between two others. High or Urgent raises a
/// turn to that level. Normal or Low marks the phrase as harmless for this business (a barbecue shop's "smoke"):
/// a turn whose only emergency words are inside it stays Normal, whatever the built-in lexicon or similarity say.
/// </summary>
public sealed record OwnerEmergencyWord(string Phrase, LeadPriority Level);
