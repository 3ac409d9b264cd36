namespace SmbAgent.Conversations;

public static class ConversationConsts
{
    public const int MaxMessageLength = 2000;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxLanguageLength = 8;
    public const int MaxVisitorLength = 100;
    public const int TokenHashLength = 64;
}
