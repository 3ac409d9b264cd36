namespace SmbAgent.Conversations.LeadCapture;

/// <summary>Why an answer was not taken: for the engine's logs and analytics, which must not see the answer itself.</summary>
public enum LeadAnswerProblem
{
    /// <summary>A required question left empty or declined.</summary>
    Required,
    NotAnEmail,
    NotAPhoneNumber,
    NotADate,
    NotANumber,
    NoMatchingOption,
    AmbiguousOption,
    TooLong,
}
