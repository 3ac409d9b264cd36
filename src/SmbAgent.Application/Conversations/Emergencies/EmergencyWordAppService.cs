using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Emergencies;

/// <summary>
/// The current tenant's own emergency words. Every plan has them (PRODUCT.md: "the owner can add words"); the
/// engine reads them on every visitor turn. Phrases are kept lower-case with single spaces, as the lexicon folds
/// case anyway, so "Sump  Pump" and "sump pump" are one phrase.
/// </summary>
public sealed partial class EmergencyWordAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IValidator<CreateEmergencyWordDto> validator,
    WorkspaceSettingsCache workspace,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<EmergencyWordDto>> GetListAsync(CancellationToken cancellationToken = default) =>
        await db.EmergencyWords.AsNoTracking()
            .OrderByDescending(w => w.Level).ThenBy(w => w.Phrase)
            .Select(w => new EmergencyWordDto(w.Id, w.Phrase, w.Level))
            .ToListAsync(cancellationToken);

    public async Task<EmergencyWordDto> CreateAsync(CreateEmergencyWordDto input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "Emergency words belong to a business.", 403);
        var phrase = Spaces().Replace(input.Phrase!.Trim(), " ").ToLowerInvariant();
        if (await db.EmergencyWords.CountAsync(cancellationToken) >= EmergencyWord.MaxPerTenant)
        {
            throw new BusinessException("EmergencyWords:TooMany", $"You can have at most {EmergencyWord.MaxPerTenant} emergency words. Remove one first.");
        }

        if (await db.EmergencyWords.AnyAsync(w => w.Phrase == phrase, cancellationToken))
        {
            throw Duplicate(phrase);
        }

        var word = new EmergencyWord(Guid.CreateVersion7(), tenantId, phrase, input.Level) { CreationTime = clock.GetUtcNow() };
        db.EmergencyWords.Add(word);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateEntryException)
        {
            throw Duplicate(phrase);
        }

        await workspace.InvalidateAsync(cancellationToken);
        return new EmergencyWordDto(word.Id, word.Phrase, word.Level);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var word = await db.EmergencyWords.FirstOrDefaultAsync(w => w.Id == id, cancellationToken)
                   ?? throw new EntityNotFoundException(nameof(EmergencyWord), id);
        db.EmergencyWords.Remove(word);
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
    }

    private static BusinessException Duplicate(string phrase) =>
        new("EmergencyWords:Duplicate", $"\"{phrase}\" is already in your list: remove it first to change its level.", 409);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
