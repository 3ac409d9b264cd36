namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>Tokens [Start, End) of a turn.</summary>
internal readonly record struct TokenSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Covers(TokenSpan other) => Start <= other.Start && other.End <= End;

    public bool Covers(int index) => Start <= index && index < End;
}
