using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Health;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class HealthAlertSettingsEntityTypeConfiguration : IEntityTypeConfiguration<HealthAlertSettings>
{
    public void Configure(EntityTypeBuilder<HealthAlertSettings> builder) => builder.ToTable("health_alert_settings");
}

internal sealed class HealthIncidentEntityTypeConfiguration : IEntityTypeConfiguration<HealthIncident>
{
    public void Configure(EntityTypeBuilder<HealthIncident> builder)
    {
        builder.ToTable("health_incidents");
        builder.Property(e => e.Kind).HasMaxLength(HealthIncidentKinds.MaxLength);
        // One open incident per kind: a second instance evaluating at the same moment fails to open another.
        builder.HasIndex(e => e.Kind).IsUnique().HasFilter("closed_time IS NULL");
        builder.HasIndex(e => e.OpenedTime);
    }
}
