using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SmbAgent.Conversations;
using SmbAgent.Leads;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>Leads: a filtered, paged list; one lead with its conversation; its status and the owner's notes changed.</summary>
public static class RestApiLeadEndpoints
{
    public static void MapRestLeads(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/leads").WithTags("Leads");
        group.MapGet("/", ListAsync)
            .WithName("ApiListLeads")
            .WithSummary("Leads, newest first. Dates are whole days in the business's time zone, both ends included.");
        group.MapGet("/{id:guid}", (Guid id, LeadAppService leads, CancellationToken ct) => leads.GetAsync(id, ct))
            .WithName("ApiGetLead")
            .WithSummary("A lead with its answers, its conversation and the notifications sent about it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", PatchAsync)
            .RequireWriteScope()
            .WithName("ApiUpdateLead")
            .WithSummary("Changes a lead's status or the owner's notes; a field left out keeps its value. Needs a read-write key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<LeadListDto> ListAsync([AsParameters] LeadQuery query, LeadAppService leads, CancellationToken ct) =>
        leads.GetListAsync(
            new LeadListInput
            {
                Page = query.Page ?? 1,
                PageSize = query.PageSize ?? LeadListInput.DefaultPageSize,
                Status = query.Status,
                Priority = query.Priority,
                Channel = query.Channel,
                CreatedFrom = query.CreatedFrom,
                CreatedTo = query.CreatedTo,
            },
            ct);

    private static async Task<Ok<LeadDto>> PatchAsync(Guid id, LeadPatchDto input, LeadAppService leads, CancellationToken ct)
    {
        var current = (await leads.GetAsync(id, ct)).Lead;
        var updated = await leads.UpdateAsync(
            id,
            new UpdateLeadDto
            {
                Status = input.Status ?? current.Status,
                OwnerNotes = input.Notes ?? current.OwnerNotes,
            },
            ct);
        return TypedResults.Ok(updated);
    }

    /// <param name="PageSize">At most 100.</param>
    public sealed record LeadQuery(
        [FromQuery(Name = "page")] int? Page,
        [FromQuery(Name = "pageSize")] int? PageSize,
        [FromQuery(Name = "status")] LeadStatus? Status,
        [FromQuery(Name = "priority")] LeadPriority? Priority,
        [FromQuery(Name = "channel")] ConversationChannel? Channel,
        [FromQuery(Name = "createdFrom")] DateOnly? CreatedFrom,
        [FromQuery(Name = "createdTo")] DateOnly? CreatedTo);

    /// <param name="Notes">The owner's notes on the lead; an empty string clears them.</param>
    public sealed record LeadPatchDto(LeadStatus? Status, string? Notes);
}
