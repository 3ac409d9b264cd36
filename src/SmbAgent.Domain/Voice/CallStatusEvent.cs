using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice;

/// <summary>A status callback already applied: Twilio retries callbacks, and (call, status) is applied once.</summary>
public sealed class CallStatusEvent : IMultiTenant, IHasCreationTime
{
    private CallStatusEvent()
    {
        CallSid = string.Empty;
        Status = string.Empty;
    }

    public CallStatusEvent(Guid id, Guid tenantId, string callSid, string status)
    {
        Id = id;
        TenantId = tenantId;
        CallSid = callSid;
        Status = status;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public string CallSid { get; private set; }

    public string Status { get; private set; }

    public DateTimeOffset CreationTime { get; set; }
}
