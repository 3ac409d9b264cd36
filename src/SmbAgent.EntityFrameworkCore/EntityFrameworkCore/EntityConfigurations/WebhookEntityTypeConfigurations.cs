using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Webhooks;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class WebhookSubscriptionEntityTypeConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.Property(s => s.Url).HasMaxLength(WebhookConsts.MaxUrlLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(WebhookConsts.MaxDescriptionLength);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1024).IsRequired();
        builder.Property(s => s.EventTypes).IsRequired();
        builder.HasIndex(s => new { s.TenantId, s.CreationTime });
    }
}

internal sealed class WebhookDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.Property(d => d.EventType).HasMaxLength(WebhookConsts.MaxEventTypeLength).IsRequired();

        // Text, not jsonb: the bytes signed and sent are the bytes stored, on every retry and replay.
        builder.Property(d => d.Payload).HasColumnType("text").IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(WebhookConsts.MaxErrorLength);
        builder.Ignore(d => d.AttemptsThisRound);

        // A subscription's delivery log, newest first.
        builder.HasIndex(d => new { d.SubscriptionId, d.CreationTime });
        builder.HasIndex(d => new { d.Status, d.NextAttemptTime }).HasFilter("status = 0");
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
