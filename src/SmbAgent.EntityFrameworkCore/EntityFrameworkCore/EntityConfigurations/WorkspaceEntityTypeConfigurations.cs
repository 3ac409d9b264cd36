using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Auditing;
using SmbAgent.Platform;
using SmbAgent.Workspace;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class BusinessProfileEntityTypeConfiguration : IEntityTypeConfiguration<BusinessProfile>
{
    public void Configure(EntityTypeBuilder<BusinessProfile> builder)
    {
        builder.ToTable("business_profiles");
        builder.HasIndex(p => p.TenantId).IsUnique();
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.Property(p => p.Address).HasMaxLength(BusinessProfile.MaxAddressLength);
        builder.Property(p => p.Website).HasMaxLength(BusinessProfile.MaxWebsiteLength);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Hours).HasJsonConversion();
        builder.Property(p => p.Holidays).HasJsonConversion();
        builder.Property(p => p.Contacts).HasJsonConversion();
    }
}

internal sealed class AgentSettingsEntityTypeConfiguration : IEntityTypeConfiguration<AgentSettings>
{
    public void Configure(EntityTypeBuilder<AgentSettings> builder)
    {
        builder.ToTable("agent_settings");
        builder.HasIndex(s => s.TenantId).IsUnique();
        builder.Property(s => s.AgentName).HasMaxLength(AgentSettings.MaxNameLength);
        builder.Property(s => s.Persona).HasMaxLength(AgentSettings.MaxPersonaLength);
        builder.Property(s => s.WelcomeMessage).HasMaxLength(AgentSettings.MaxMessageLength);
        builder.Property(s => s.ChatCompletionMessage).HasMaxLength(AgentSettings.MaxMessageLength);
        builder.Property(s => s.VoiceCompletionMessage).HasMaxLength(AgentSettings.MaxMessageLength);
        builder.Property(s => s.EmergencyMessage).HasMaxLength(AgentSettings.MaxMessageLength);
        builder.Property(s => s.Language).HasMaxLength(8);
        builder.Property(s => s.VoiceLanguage).HasMaxLength(8);
        builder.Property(s => s.WidgetPrimaryColor).HasMaxLength(7);
        builder.Property(s => s.WidgetAccentColor).HasMaxLength(7);
        builder.Property(s => s.AllowedOrigins).HasJsonConversion();
        builder.Property(s => s.WidgetLastSeenOrigin).HasMaxLength(WidgetOrigins.MaxOriginLength);
        builder.Property(s => s.Voice).HasMaxLength(32);
        builder.Property(s => s.AiDisclosure).HasMaxLength(AgentSettings.MaxDisclosureLength);
        builder.Property(s => s.RecordingDisclosure).HasMaxLength(AgentSettings.MaxDisclosureLength);
    }
}

internal sealed class AuditLogEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("audit_log_entries");
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => new { e.TenantId, e.Time });
        builder.HasIndex(e => e.Time);
    }
}

internal sealed class PlatformSettingsEntityTypeConfiguration : IEntityTypeConfiguration<PlatformSettings>
{
    public void Configure(EntityTypeBuilder<PlatformSettings> builder) => builder.ToTable("platform_settings");
}
