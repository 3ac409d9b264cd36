using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.Voice.Speech;
using SmbAgent.Workspace;

namespace SmbAgent.Leads;

/// <summary>The current tenant's lead questions. Authorization is on the endpoints; the plan's count limit is enforced here.</summary>
public sealed class LeadQuestionAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IFeatureChecker features,
    IValidator<CreateUpdateLeadQuestionDto> validator,
    WorkspaceSettingsCache workspace,
    SpeechPreparation speech) : ILeadQuestionAppService
{
    public async Task<IReadOnlyList<LeadQuestionDto>> GetListAsync(CancellationToken cancellationToken = default) =>
        await db.LeadQuestions.AsNoTracking()
            .OrderBy(q => q.Position)
            .Select(q => ToDto(q))
            .ToListAsync(cancellationToken);

    public async Task<LeadQuestionDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        ToDto(await FindAsync(id, cancellationToken));

    public async Task<LeadQuestionDto> CreateAsync(CreateUpdateLeadQuestionDto input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "Lead questions belong to a business.", 403);
        var count = await db.LeadQuestions.CountAsync(cancellationToken);
        await features.CheckCountLimitAsync(SmbFeatures.Leads.MaxQuestions, count, cancellationToken);

        var position = count == 0 ? 0 : await db.LeadQuestions.MaxAsync(q => q.Position, cancellationToken) + 1;
        var question = new LeadQuestion(Guid.CreateVersion7(), tenantId, input.Text.Trim(), input.Format, position);
        Apply(question, input);
        db.LeadQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
        await speech.QueueAsync(cancellationToken);
        return ToDto(question);
    }

    public async Task<LeadQuestionDto> UpdateAsync(Guid id, CreateUpdateLeadQuestionDto input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var question = await FindAsync(id, cancellationToken);
        question.Text = input.Text.Trim();
        question.Format = input.Format;
        Apply(question, input);
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
        await speech.QueueAsync(cancellationToken);
        return ToDto(question);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var question = await FindAsync(id, cancellationToken);
        db.LeadQuestions.Remove(question);
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
    }

    private async Task<LeadQuestion> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.LeadQuestions.FirstOrDefaultAsync(q => q.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(LeadQuestion), id);

    private static void Apply(LeadQuestion question, CreateUpdateLeadQuestionDto input)
    {
        question.Options = input.Format == LeadQuestionFormat.Choice ? [.. input.Options.Select(o => o.Trim())] : [];
        question.IsRequired = input.IsRequired;
        question.MapsTo = input.MapsTo;
        question.CustomFieldName = input.MapsTo == LeadField.Custom ? input.CustomFieldName?.Trim() : null;
        question.IsEssentialForEmergency = input.IsEssentialForEmergency;
    }

    private static LeadQuestionDto ToDto(LeadQuestion q) =>
        new(q.Id, q.Text, q.Format, q.Options, q.IsRequired, q.MapsTo, q.CustomFieldName, q.IsEssentialForEmergency, q.Position);
}
