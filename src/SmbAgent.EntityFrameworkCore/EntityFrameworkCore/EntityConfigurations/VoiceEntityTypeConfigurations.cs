using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Voice;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class PhoneLineEntityTypeConfiguration : IEntityTypeConfiguration<PhoneLine>
{
    public void Configure(EntityTypeBuilder<PhoneLine> builder)
    {
        builder.ToTable("phone_lines");
        builder.Property(p => p.Number).HasMaxLength(VoiceConsts.MaxNumberLength).IsRequired();
        builder.Property(p => p.AccountSid).HasMaxLength(VoiceConsts.AccountSidLength).IsRequired();
        builder.Property(p => p.ProtectedAuthToken).HasMaxLength(VoiceConsts.MaxProtectedSecretLength).IsRequired();
        builder.Property(p => p.ForwardTo).HasMaxLength(VoiceConsts.MaxNumberLength);
        builder.Property(p => p.SayVoice).HasMaxLength(VoiceConsts.MaxVoiceNameLength).IsRequired();
        builder.Property(p => p.PremiumVoice).HasMaxLength(VoiceConsts.MaxVoiceNameLength);
        builder.Property(p => p.LastTestProblem).HasMaxLength(VoiceConsts.MaxProblemLength);

        // The called number names the business: one business per number, across every tenant.
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => p.TenantId);
    }
}

internal sealed class CallLogEntityTypeConfiguration : IEntityTypeConfiguration<CallLog>
{
    public void Configure(EntityTypeBuilder<CallLog> builder)
    {
        builder.ToTable("call_logs");
        builder.Property(c => c.CallSid).HasMaxLength(VoiceConsts.CallSidLength).IsRequired();
        builder.Property(c => c.From).HasMaxLength(VoiceConsts.MaxNumberLength * 2).IsRequired();
        builder.Property(c => c.To).HasMaxLength(VoiceConsts.MaxNumberLength * 2).IsRequired();
        builder.Property(c => c.Status).HasMaxLength(VoiceConsts.MaxStatusLength).IsRequired();
        builder.Property(c => c.RecordingSid).HasMaxLength(VoiceConsts.CallSidLength);
        builder.Property(c => c.RecordingUrl).HasMaxLength(VoiceConsts.MaxUrlLength);
        builder.Property(c => c.Transcript).HasMaxLength(VoiceConsts.MaxTranscriptLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => c.CallSid).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.CreationTime });
        builder.HasIndex(c => c.LeadId).HasFilter("lead_id IS NOT NULL");
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CallStatusEventEntityTypeConfiguration : IEntityTypeConfiguration<CallStatusEvent>
{
    public void Configure(EntityTypeBuilder<CallStatusEvent> builder)
    {
        builder.ToTable("call_status_events");
        builder.Property(e => e.CallSid).HasMaxLength(VoiceConsts.CallSidLength).IsRequired();
        builder.Property(e => e.Status).HasMaxLength(VoiceConsts.MaxStatusLength).IsRequired();

        // Twilio retries a callback it got no answer to: the second one finds the first.
        builder.HasIndex(e => new { e.CallSid, e.Status }).IsUnique();
    }
}

internal sealed class SpeechAudioEntityTypeConfiguration : IEntityTypeConfiguration<SpeechAudio>
{
    public void Configure(EntityTypeBuilder<SpeechAudio> builder)
    {
        builder.ToTable("speech_audio");
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(a => a.Voice).HasMaxLength(VoiceConsts.MaxVoiceNameLength).IsRequired();
        builder.Property(a => a.Model).HasMaxLength(VoiceConsts.MaxVoiceNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => new { a.TenantId, a.Hash }).IsUnique();
        builder.HasIndex(a => a.LastUsedTime);
    }
}

internal sealed class DevelopmentOutboxMessageEntityTypeConfiguration : IEntityTypeConfiguration<DevelopmentOutboxMessage>
{
    public void Configure(EntityTypeBuilder<DevelopmentOutboxMessage> builder)
    {
        builder.ToTable("development_outbox");
        builder.Property(m => m.Sid).HasMaxLength(VoiceConsts.CallSidLength).IsRequired();
        builder.Property(m => m.To).HasMaxLength(VoiceConsts.MaxNumberLength * 2).IsRequired();
        builder.Property(m => m.From).HasMaxLength(VoiceConsts.MaxNumberLength * 2).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.CallbackUrl).HasMaxLength(VoiceConsts.MaxUrlLength);
        builder.HasIndex(m => m.Sid).IsUnique();
        builder.HasIndex(m => m.CreationTime);
    }
}

internal sealed class EmergencyAlertEntityTypeConfiguration : IEntityTypeConfiguration<EmergencyAlert>
{
    public void Configure(EntityTypeBuilder<EmergencyAlert> builder)
    {
        builder.ToTable("emergency_alerts");
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(NotificationConsts.MaxRecipientLength);
        builder.Property(a => a.AcknowledgedChannel).HasMaxLength(16);
        builder.Property(a => a.Version).IsRowVersion();

        // One ladder per lead, even when two channels report the emergency at once.
        builder.HasIndex(a => a.LeadId).IsUnique();
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmergencyAlertAttemptEntityTypeConfiguration : IEntityTypeConfiguration<EmergencyAlertAttempt>
{
    public void Configure(EntityTypeBuilder<EmergencyAlertAttempt> builder)
    {
        builder.ToTable("emergency_alert_attempts");
        builder.Property(a => a.Recipient).HasMaxLength(VoiceConsts.MaxNumberLength).IsRequired();
        builder.Property(a => a.CallSid).HasMaxLength(VoiceConsts.CallSidLength);
        builder.Property(a => a.Status).HasMaxLength(VoiceConsts.MaxStatusLength).IsRequired();
        builder.Property(a => a.Error).HasMaxLength(NotificationConsts.MaxErrorLength);
        builder.HasIndex(a => new { a.AlertId, a.Round, a.ContactIndex }).IsUnique();
        builder.HasIndex(a => a.CallSid).IsUnique().HasFilter("call_sid IS NOT NULL");
        builder.HasOne<EmergencyAlert>().WithMany().HasForeignKey(a => a.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
