namespace SmbAgent.Webhooks;

public static class WebhookConsts
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 200;
    public const int MaxEventTypeLength = 64;
    public const int MaxErrorLength = 500;

    /// <summary>Subscriptions per business: enough for a few integrations, few enough that one event can't fan out without bound.</summary>
    public const int MaxSubscriptionsPerTenant = 10;
}
