namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// The conversation and business facts an answer is read with.
/// </summary>
/// <param name="Language">The conversation's language code (en, es, fr, de, it, pt; anything else reads as en).</param>
/// <param name="Country">The business's ISO 3166 two-letter country: the default region of phone numbers and the date order.</param>
/// <param name="TimeZoneId">The business's IANA time zone: "tomorrow" is tomorrow where the business is, not on the server.</param>
public sealed record LeadAnswerContext(string Language, string Country, string TimeZoneId);
