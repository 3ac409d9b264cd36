namespace SmbAgent.Conversations;

/// <param name="Question">The question as it was asked, so a later edit of the question doesn't change the record.</param>
/// <param name="Value">The normalised answer (E.164 phone, ISO date…); null when the visitor skipped it.</param>
public sealed record CollectedAnswer(Guid QuestionId, string Question, string? Value);
