namespace SmbAgent.Leads;

public interface ILeadQuestionAppService
{
    Task<IReadOnlyList<LeadQuestionDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<LeadQuestionDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<LeadQuestionDto> CreateAsync(CreateUpdateLeadQuestionDto input, CancellationToken cancellationToken = default);

    Task<LeadQuestionDto> UpdateAsync(Guid id, CreateUpdateLeadQuestionDto input, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
