using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class TenantEntityTypeConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.Property(t => t.Name).HasMaxLength(TenantConsts.MaxNameLength).IsRequired();
        builder.Property(t => t.NormalizedName).HasMaxLength(TenantConsts.MaxNameLength).IsRequired();
        builder.HasIndex(t => t.NormalizedName).IsUnique();
        builder.Property(t => t.WidgetKey).HasMaxLength(TenantConsts.WidgetKeyLength).IsRequired();
        builder.HasIndex(t => t.WidgetKey).IsUnique();
        builder.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Restrict);
    }
}
