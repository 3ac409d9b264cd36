using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Analytics;
using SmbAgent.Conversations;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class AnalyticsDailyRollupEntityTypeConfiguration : IEntityTypeConfiguration<AnalyticsDailyRollup>
{
    public void Configure(EntityTypeBuilder<AnalyticsDailyRollup> builder)
    {
        builder.ToTable("analytics_daily_rollups");

        // A day is recomputed by replacing its rows: two runs at once can't leave it counted twice.
        builder.HasIndex(r => new { r.TenantId, r.Day, r.Channel }).IsUnique();
    }
}

internal sealed class AnalyticsDailyBreakdownEntityTypeConfiguration : IEntityTypeConfiguration<AnalyticsDailyBreakdown>
{
    public void Configure(EntityTypeBuilder<AnalyticsDailyBreakdown> builder)
    {
        builder.ToTable("analytics_daily_breakdowns");
        builder.Property(b => b.Key).HasMaxLength(64).IsRequired();
        builder.HasIndex(b => new { b.TenantId, b.Dimension, b.Day, b.Key }).IsUnique();
    }
}

internal sealed class UnansweredQuestionEntityTypeConfiguration : IEntityTypeConfiguration<UnansweredQuestion>
{
    public void Configure(EntityTypeBuilder<UnansweredQuestion> builder)
    {
        builder.ToTable("unanswered_questions");
        builder.Property(q => q.Text).HasMaxLength(UnansweredQuestionConsts.MaxTextLength).IsRequired();
        builder.Property(q => q.EmbeddingModel).HasMaxLength(UnansweredQuestionConsts.MaxModelLength);
        builder.HasIndex(q => q.MessageId).IsUnique();

        // A copy of what the visitor typed: it goes with the message when retention or an erase removes it.
        builder.HasOne<ConversationMessage>().WithMany().HasForeignKey(q => q.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.TenantId, q.Day }).HasFilter("resolved_time IS NULL");
    }
}
