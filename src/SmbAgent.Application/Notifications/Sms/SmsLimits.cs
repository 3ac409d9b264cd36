namespace SmbAgent.Notifications.Sms;

public static class SmsLimits
{
    /// <summary>Twilio refuses longer bodies (error 21617); it counts UTF-16 code units, as <see cref="string.Length"/> does.</summary>
    public const int MaxBodyLength = 1600;
}
