using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.ApiKeys;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class ApiKeyEntityTypeConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecrets.PrefixLength).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(ApiKey.HashLength).IsRequired();
        builder.Property(k => k.CreatorName).HasMaxLength(ApiKey.MaxCreatorNameLength);
        builder.Ignore(k => k.IsRevoked);
        // Across businesses: a request's key is found by its prefix before its business is known.
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.TenantId, k.CreationTime });
    }
}
