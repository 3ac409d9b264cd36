using SmbAgent.Conversations;

namespace SmbAgent.Leads;

/// <summary>
/// Which leads to list or export. Dates are whole days in the business's own time zone, both ends included,
/// because that is how an owner thinks of "yesterday's leads".
/// </summary>
public sealed record LeadListInput
{
    public const int DefaultPageSize = 25;

    /// <summary>One page never reads more than this, whatever the client asks.</summary>
    public const int MaxPageSize = 100;

    public const int MaxSearchLength = 100;

    public LeadStatus? Status { get; init; }

    public LeadPriority? Priority { get; init; }

    public ConversationChannel? Channel { get; init; }

    public DateOnly? CreatedFrom { get; init; }

    public DateOnly? CreatedTo { get; init; }

    /// <summary>Matched anywhere in the name, email, phone or notes, ignoring case; % and _ are ordinary characters.</summary>
    public string? Search { get; init; }

    public LeadSort Sort { get; init; }

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}
