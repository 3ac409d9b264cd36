using SmbAgent.Leads;
using SmbAgent.Permissions;

namespace SmbAgent.HttpApi.Leads;

public static class LeadQuestionEndpoints
{
    public static void MapLeadQuestionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/app/lead-questions")
            .WithTags("Lead questions")
            .RequireAuthorization(SmbPermissions.LeadQuestions.Default);

        group.MapGet("/", (ILeadQuestionAppService service, CancellationToken ct) => service.GetListAsync(ct))
            .WithName("GetLeadQuestions");
        group.MapGet("/{id:guid}", (Guid id, ILeadQuestionAppService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithName("GetLeadQuestion");
        group.MapPost("/", async (CreateUpdateLeadQuestionDto input, ILeadQuestionAppService service, CancellationToken ct) =>
                {
                    var created = await service.CreateAsync(input, ct);
                    return TypedResults.Created($"/api/app/lead-questions/{created.Id}", created);
                })
            .RequireAuthorization(SmbPermissions.LeadQuestions.Manage)
            .WithName("CreateLeadQuestion");
        group.MapPut("/{id:guid}", (Guid id, CreateUpdateLeadQuestionDto input, ILeadQuestionAppService service, CancellationToken ct) =>
                service.UpdateAsync(id, input, ct))
            .RequireAuthorization(SmbPermissions.LeadQuestions.Manage)
            .WithName("UpdateLeadQuestion");
        group.MapDelete("/{id:guid}", async (Guid id, ILeadQuestionAppService service, CancellationToken ct) =>
                {
                    await service.DeleteAsync(id, ct);
                    return TypedResults.NoContent();
                })
            .RequireAuthorization(SmbPermissions.LeadQuestions.Manage)
            .WithName("DeleteLeadQuestion");
    }
}
