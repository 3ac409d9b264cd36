namespace SmbAgent.Notifications;

public static class NotificationConsts
{
    public const int MaxRecipientLength = 256;
    public const int MaxErrorLength = 500;
    public const int MaxProviderMessageIdLength = 64;
}
