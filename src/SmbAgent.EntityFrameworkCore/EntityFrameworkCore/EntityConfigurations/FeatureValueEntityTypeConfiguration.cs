using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Features;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class FeatureValueEntityTypeConfiguration : IEntityTypeConfiguration<FeatureValue>
{
    public void Configure(EntityTypeBuilder<FeatureValue> builder)
    {
        builder.ToTable("feature_values");
        builder.Property(v => v.Name).HasMaxLength(128).IsRequired();
        builder.Property(v => v.Value).HasMaxLength(256).IsRequired();
        builder.Property(v => v.ProviderName).HasMaxLength(8).IsRequired();
        builder.HasIndex(v => new { v.ProviderName, v.ProviderKey, v.Name }).IsUnique();
    }
}
