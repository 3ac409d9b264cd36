namespace SmbAgent.Notifications;

public enum NotificationChannel
{
    Email = 0,
    Sms = 1,
}
