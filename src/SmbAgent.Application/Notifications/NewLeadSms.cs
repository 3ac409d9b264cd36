using SmbAgent.Conversations;
using SmbAgent.Leads;

namespace SmbAgent.Notifications;

/// <summary>The owner's SMS alert: short, priority first, the way to call back.</summary>
public static class NewLeadSms
{
    public static string Create(string businessName, Lead lead)
    {
        var headline = lead.Priority == LeadPriority.Urgent ? "EMERGENCY lead" : $"New {lead.Priority.ToString().ToLowerInvariant()} lead";
        var who = string.Join(", ", new[] { lead.ContactName, lead.Phone, lead.Email }.Where(v => !string.IsNullOrWhiteSpace(v)));
        var what = string.IsNullOrWhiteSpace(lead.Notes) ? string.Empty : $": {lead.Notes}";
        return $"{businessName} - {headline}. {who}{what}";
    }
}
