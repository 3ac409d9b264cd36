namespace SmbAgent.Conversations.Emergencies;

/// <summary>Which signal decided an <see cref="EmergencyAssessment"/>; kept so the owner can see why a lead was flagged.</summary>
public enum EmergencyMatchKind
{
    None = 0,

    /// <summary>A phrase of the built-in multilingual lexicon.</summary>
    Lexicon = 1,

    /// <summary>A phrase the business owner added.</summary>
    OwnerWord = 2,

    /// <summary>Closeness to a labelled example sentence in the embedding space.</summary>
    Similarity = 3,
}
