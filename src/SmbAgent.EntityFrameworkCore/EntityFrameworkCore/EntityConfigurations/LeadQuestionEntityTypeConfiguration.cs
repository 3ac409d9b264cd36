using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmbAgent.Leads;

namespace SmbAgent.EntityFrameworkCore.EntityConfigurations;

internal sealed class LeadQuestionEntityTypeConfiguration : IEntityTypeConfiguration<LeadQuestion>
{
    public void Configure(EntityTypeBuilder<LeadQuestion> builder)
    {
        builder.ToTable("lead_questions");
        builder.Property(q => q.Text).HasMaxLength(LeadQuestionConsts.MaxTextLength).IsRequired();
        builder.Property(q => q.CustomFieldName).HasMaxLength(64);
        builder.Property(q => q.Options).IsRequired();
        builder.HasIndex(q => new { q.TenantId, q.Position });
    }
}
