using System.Text.Json.Serialization;
using SmbAgent.Leads;

namespace SmbAgent.Conversations.Replies;

/// <summary>
/// What the agent means to say, in no channel's words: each channel renders it (the chat as text with its sources, a
/// phone line as speech). A closed set, so a renderer that misses a kind fails its tests instead of saying nothing.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AnswerReply), "answer")]
[JsonDerivedType(typeof(QuestionReply), "question")]
[JsonDerivedType(typeof(EmergencyReply), "emergency")]
[JsonDerivedType(typeof(HandOffReply), "handOff")]
[JsonDerivedType(typeof(ThanksReply), "thanks")]
[JsonDerivedType(typeof(NotFoundReply), "notFound")]
[JsonDerivedType(typeof(UnavailableReply), "unavailable")]
[JsonDerivedType(typeof(InfoReply), "info")]
public abstract record AgentReply;

/// <summary>An answer drawn from the business's knowledge.</summary>
/// <param name="Confidence">How sure the search was of its best passage (0–1), when it said.</param>
public sealed record AnswerReply(string Text, IReadOnlyList<MessageCitation> Citations, double? Confidence) : AgentReply;

/// <summary>One of the owner's lead questions, asked again with <paramref name="ValidationHint"/> after an answer it couldn't take.</summary>
public sealed record QuestionReply(
    Guid QuestionId, string Text, LeadQuestionFormat Format, IReadOnlyList<string> Choices, bool CanSkip, string? ValidationHint) : AgentReply;

/// <summary>The turn reads as an emergency: the team is alerted; the visitor may also call <paramref name="BusinessPhone"/>.</summary>
/// <param name="OwnerMessage">What the owner wants said in an emergency, said after the fixed notice.</param>
public sealed record EmergencyReply(LeadPriority Level, string? BusinessPhone, string? OwnerMessage) : AgentReply;

/// <summary>The team is told that the visitor wants a person.</summary>
public sealed record HandOffReply : AgentReply;

/// <summary>A lead is complete and passed to the team.</summary>
/// <param name="Emergency">The lead is an emergency: the team will be as fast as it can.</param>
/// <param name="OpenNow">The business is open, so the team answers shortly; otherwise from <paramref name="NextOpening"/>.</param>
/// <param name="NextOpening">The next opening, in the business's time; null when its hours don't say.</param>
/// <param name="CompletionMessage">The owner's own thanks for this channel, said instead of the built-in one.</param>
public sealed record ThanksReply(bool Emergency, bool OpenNow, DateTime? NextOpening, string? CompletionMessage) : AgentReply;

/// <summary>The business's knowledge doesn't answer the question.</summary>
/// <param name="OffersDetails">The agent offers to take the visitor's details (no lead yet).</param>
/// <param name="Suggestions">Questions the knowledge does answer that are close to the one asked, when the search offers any.</param>
public sealed record NotFoundReply(bool OffersDetails, IReadOnlyList<string> Suggestions) : AgentReply;

/// <summary>The assistant can't serve (the plan's quota is used up); the visitor may call <paramref name="BusinessPhone"/>.</summary>
public sealed record UnavailableReply(string? BusinessPhone) : AgentReply;

/// <summary>One of the agent's fixed sentences that carries nothing more than its kind.</summary>
public sealed record InfoReply(InfoKind Info) : AgentReply;

public enum InfoKind
{
    Welcome = 0,
    StartDetails = 1,
    AnythingElse = 2,
    Declined = 3,
    Refusal = 4,
    LengthLimit = 5,
}
