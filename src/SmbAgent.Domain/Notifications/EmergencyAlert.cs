using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Notifications;

public enum EmergencyAlertState
{
    /// <summary>Ringing down the owner contacts, waiting for someone to acknowledge.</summary>
    Calling = 0,

    Acknowledged = 1,

    /// <summary>Every contact was rung for every round and nobody acknowledged.</summary>
    Exhausted = 2,

    /// <summary>No phone contact, or the plan has no owner call: SMS and email carry it alone.</summary>
    NotCalled = 3,
}

/// <summary>
/// The owner call of one urgent lead: who is being rung (a round down the business's phone contacts, repeated a
/// configured number of times) until one of them acknowledges, by which channel and when.
/// </summary>
public sealed class EmergencyAlert : IMultiTenant, IHasCreationTime
{
    private EmergencyAlert()
    {
    }

    public EmergencyAlert(Guid id, Guid tenantId, Guid leadId)
    {
        Id = id;
        TenantId = tenantId;
        LeadId = leadId;
        Round = 1;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid LeadId { get; private set; }

    public EmergencyAlertState State { get; set; }

    /// <summary>From 1.</summary>
    public int Round { get; set; }

    /// <summary>The phone contact being rung in this round, from 0.</summary>
    public int ContactIndex { get; set; }

    /// <summary>The contact who acknowledged: their name, else their number or address.</summary>
    public string? AcknowledgedBy { get; set; }

    /// <summary>call, connect, sms, email or admin.</summary>
    public string? AcknowledgedChannel { get; set; }

    public DateTimeOffset? AcknowledgedTime { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public uint Version { get; private set; }
}

/// <summary>One ring of one contact for an <see cref="EmergencyAlert"/>, with what came of it.</summary>
public sealed class EmergencyAlertAttempt : IMultiTenant, IHasCreationTime
{
    private EmergencyAlertAttempt()
    {
        Recipient = string.Empty;
        Status = string.Empty;
    }

    public EmergencyAlertAttempt(Guid id, Guid tenantId, Guid alertId, int round, int contactIndex, string recipient)
    {
        Id = id;
        TenantId = tenantId;
        AlertId = alertId;
        Round = round;
        ContactIndex = contactIndex;
        Recipient = recipient;
        Status = "placing";
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public Guid AlertId { get; private set; }

    public int Round { get; private set; }

    public int ContactIndex { get; private set; }

    /// <summary>E.164.</summary>
    public string Recipient { get; private set; }

    public string? CallSid { get; set; }

    /// <summary>placing, queued, ringing, in-progress, completed, no-answer, busy, failed, acknowledged, connected, timed-out.</summary>
    public string Status { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset? AnsweredTime { get; set; }
}
