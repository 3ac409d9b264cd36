namespace SmbAgent.Conversations.Emergencies;

/// <summary>
/// A phrase the owner added for their trade ("sump pump", "no cooling"), in any of the conversation languages.
/// Words match whole words, case and accents aside, with a plain plural ("pump" finds "pumps"); a trailing
/// <c>*</c> matches any ending ("freez*"). High or Urgent raises a turn to that level; Normal or Low marks the
/// phrase as not an emergency for this business (a plumber's "leak detection" service), which overrules
/// the built-in lexicon and the similarity check for that turn.
/// </summary>
public sealed record OwnerEmergencyWord(string Phrase, LeadPriority Level);
