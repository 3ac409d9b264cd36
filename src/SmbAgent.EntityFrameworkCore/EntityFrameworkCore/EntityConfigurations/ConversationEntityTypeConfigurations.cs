using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Notifications;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class ConversationEntityTypeConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.Property(c => c.TokenHash).HasMaxLength(ConversationConsts.TokenHashLength).IsFixedLength().IsRequired();
        builder.Property(c => c.Visitor).HasMaxLength(ConversationConsts.MaxVisitorLength);
        builder.Property(c => c.Language).HasMaxLength(ConversationConsts.MaxLanguageLength).IsRequired();
        builder.Property(c => c.Answers).HasJsonConversion();
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.LastActivityTime });

        // The conversations list's "waiting for a person" filter.
        builder.HasIndex(c => new { c.TenantId, c.HumanRequestedTime }).HasFilter("human_requested_time IS NOT NULL");
    }
}

internal sealed class ConversationMessageEntityTypeConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> builder)
    {
        builder.ToTable("conversation_messages");
        builder.Property(m => m.Text).HasMaxLength(ConversationConsts.MaxMessageLength * 4).IsRequired();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(ConversationConsts.MaxIdempotencyKeyLength);
        builder.Property(m => m.Citations).HasJsonConversion();
        builder.Property(m => m.Reply).HasColumnType("jsonb");
        builder.HasIndex(m => new { m.ConversationId, m.Sequence }).IsUnique();

        // A retried message finds the first one instead of being stored twice.
        builder.HasIndex(m => new { m.ConversationId, m.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeadEntityTypeConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.ToTable("leads");
        builder.Property(l => l.ContactName).HasMaxLength(LeadConsts.MaxContactNameLength);
        builder.Property(l => l.Email).HasMaxLength(LeadConsts.MaxEmailLength);
        builder.Property(l => l.Phone).HasMaxLength(LeadConsts.MaxPhoneLength);
        builder.Property(l => l.Address).HasMaxLength(LeadConsts.MaxAddressLength);
        builder.Property(l => l.Notes).HasMaxLength(LeadConsts.MaxNotesLength);
        builder.Property(l => l.OwnerNotes).HasMaxLength(LeadConsts.MaxNotesLength);
        builder.Property(l => l.Answers).HasJsonConversion();
        builder.HasIndex(l => new { l.TenantId, l.CreationTime });
        builder.HasIndex(l => new { l.TenantId, l.Status, l.Priority });

        // One lead per conversation, even when two turns race to finish it.
        builder.HasIndex(l => l.ConversationId).IsUnique();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(l => l.ConversationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("notification_deliveries", t => t.HasCheckConstraint("ck_notification_deliveries_about", "lead_id IS NOT NULL OR conversation_id IS NOT NULL"));
        builder.Property(d => d.Recipient).HasMaxLength(NotificationConsts.MaxRecipientLength).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(NotificationConsts.MaxErrorLength);
        builder.Property(d => d.ProviderMessageId).HasMaxLength(NotificationConsts.MaxProviderMessageIdLength);
        builder.HasIndex(d => new { d.LeadId, d.CreationTime });

        // The sweeper's query: what is still pending, oldest first.
        builder.HasIndex(d => new { d.Status, d.CreationTime }).HasFilter("status = 0");

        // The visitor confirmations' daily limit per address.
        builder.HasIndex(d => new { d.Recipient, d.CreationTime }).HasFilter("kind = 1");
        builder.HasOne<Lead>().WithMany().HasForeignKey(d => d.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ConversationId, d.CreationTime });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(d => d.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmergencyWordEntityTypeConfiguration : IEntityTypeConfiguration<EmergencyWord>
{
    public void Configure(EntityTypeBuilder<EmergencyWord> builder)
    {
        builder.ToTable("emergency_words");
        builder.Property(w => w.Phrase).HasMaxLength(EmergencyWord.MaxPhraseLength).IsRequired();
        builder.HasIndex(w => new { w.TenantId, w.Phrase }).IsUnique();
    }
}
