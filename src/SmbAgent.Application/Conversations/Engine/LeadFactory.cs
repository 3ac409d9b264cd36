using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Conversations.Engine;

/// <summary>The lead a finished capture produces: each answer fills the field its question maps to, and all are kept.</summary>
public static class LeadFactory
{
    public static Lead Create(Conversation conversation, TurnSettings settings)
    {
        var captured = conversation.Answers
            .Where(a => a.Value is not null)
            .Select(a => (Answer: a, Question: settings.Questions.FirstOrDefault(q => q.Id == a.QuestionId)))
            .Where(a => a.Question is not null)
            .Select(a => new CapturedAnswer(a.Question!, a.Answer.Value!));
        var fields = LeadFieldMapper.Map(captured, settings.Profile.Country);
        return new Lead(Guid.CreateVersion7(), conversation.TenantId, conversation.Id, conversation.Channel, conversation.Priority)
        {
            ContactName = Cut(fields.ContactName, LeadConsts.MaxContactNameLength),
            Email = Cut(fields.Email, LeadConsts.MaxEmailLength),
            Phone = Cut(fields.Phone, LeadConsts.MaxPhoneLength),
            Address = Cut(fields.Address, LeadConsts.MaxAddressLength),
            Notes = Cut(fields.Notes, LeadConsts.MaxNotesLength),
            Answers = [.. conversation.Answers],
            CreationTime = settings.Now,
        };
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
