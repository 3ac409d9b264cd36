using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Identity;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

/// <summary>
/// Identity's global unique indexes become unique per tenant (NULLS NOT DISTINCT, so host names are
/// unique too); the same email may exist in two tenants.
/// </summary>
internal sealed class AppUserEntityTypeConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        RemoveIndex(builder.Metadata, nameof(AppUser.NormalizedUserName));
        RemoveIndex(builder.Metadata, nameof(AppUser.NormalizedEmail));
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().AreNullsDistinct(false).HasDatabaseName("ix_users_tenant_user_name");
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).HasDatabaseName("ix_users_tenant_email");
        builder.Property(u => u.DisplayName).HasMaxLength(128);
    }

    internal static void RemoveIndex(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entityType, string propertyName)
    {
        var property = entityType.FindProperty(propertyName)!;
        foreach (var index in entityType.GetIndexes().Where(i => i.Properties.Count == 1 && i.Properties[0] == property).ToList())
        {
            entityType.RemoveIndex(index);
        }
    }
}

internal sealed class AppRoleEntityTypeConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> builder)
    {
        builder.ToTable("roles");
        AppUserEntityTypeConfiguration.RemoveIndex(builder.Metadata, nameof(AppRole.NormalizedName));
        builder.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique().AreNullsDistinct(false).HasDatabaseName("ix_roles_tenant_name");
    }
}

internal sealed class IdentityTableNames :
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>,
    IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("role_claims");

    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
