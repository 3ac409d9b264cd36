using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Leads;

namespace SmbAgent.Workspace;

/// <summary>Puts the current tenant's lead questions in the order the owner chose (drag and drop or move buttons).</summary>
public sealed class LeadQuestionOrderAppService(ISmbAgentDbContext db, WorkspaceSettingsCache workspace)
{
    /// <summary>
    /// <paramref name="orderedIds"/> must list every question of the tenant exactly once; an id of another
    /// tenant is simply unknown here, so such a list is refused.
    /// </summary>
    public async Task ReorderAsync(IReadOnlyList<Guid> orderedIds, CancellationToken cancellationToken = default)
    {
        var questions = await db.LeadQuestions.ToListAsync(cancellationToken);
        if (orderedIds.Count != questions.Count || orderedIds.Distinct().Count() != orderedIds.Count
            || !questions.TrueForAll(q => orderedIds.Contains(q.Id)))
        {
            throw new BusinessException("LeadQuestions:BadOrder", "The list of questions changed meanwhile. Reload the page and try again.");
        }

        var byId = questions.ToDictionary(q => q.Id);
        for (var position = 0; position < orderedIds.Count; position++)
        {
            byId[orderedIds[position]].Position = position;
        }

        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
    }

    /// <summary>Swaps the question with its neighbour above (<paramref name="offset"/> -1) or below (+1).</summary>
    public async Task MoveAsync(Guid id, int offset, CancellationToken cancellationToken = default)
    {
        var ordered = await db.LeadQuestions.OrderBy(q => q.Position).ThenBy(q => q.CreationTime).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(q => q.Id == id);
        if (index < 0)
        {
            throw new EntityNotFoundException(nameof(LeadQuestion), id);
        }

        var target = index + Math.Sign(offset);
        if (offset == 0 || target < 0 || target >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var position = 0; position < ordered.Count; position++)
        {
            ordered[position].Position = position;
        }

        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
    }
}
