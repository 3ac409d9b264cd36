using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Features;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class EditionEntityTypeConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.ToTable("editions");
        builder.Property(e => e.Name).HasMaxLength(Edition.MaxNameLength).IsRequired();
        builder.Property(e => e.DisplayName).HasMaxLength(Edition.MaxDisplayNameLength).IsRequired();
        builder.HasIndex(e => e.Name).IsUnique();
    }
}
