using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Usage;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class UsageCounterEntityTypeConfiguration : IEntityTypeConfiguration<UsageCounter>
{
    public void Configure(EntityTypeBuilder<UsageCounter> builder)
    {
        builder.ToTable("usage_counters");
        builder.HasKey(c => new { c.TenantId, c.Metric, c.PeriodStart });
        builder.Property(c => c.Metric).HasMaxLength(64);
    }
}
