using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SmbAgent.KnowledgeBase;
using SmbAgent.Permissions;

namespace SmbAgent.HttpApi.KnowledgeBase;

/// <summary>
/// The knowledge sources of the caller's business. Adding or changing a source answers 202: indexing runs in the
/// background, and the source's status says when it is searchable.
/// </summary>
public static class KnowledgeSourceEndpoints
{
    public static void MapKnowledgeSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/app/knowledge/sources")
            .WithTags("Knowledge base")
            .RequireAuthorization(SmbPermissions.Knowledge.Default);

        group.MapGet("/", (KnowledgeSourceAppService service, CancellationToken ct) => service.GetListAsync(ct))
            .WithName("GetKnowledgeSources");
        group.MapGet("/{id:guid}", (Guid id, KnowledgeSourceAppService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithName("GetKnowledgeSource");

        var manage = group.MapGroup("/").RequireAuthorization(SmbPermissions.Knowledge.Manage);
        manage.MapPost("/text", async (CreateTextSourceDto input, KnowledgeSourceAppService service, CancellationToken ct) =>
                Accepted(await service.CreateTextAsync(input, ct)))
            .WithName("CreateTextKnowledgeSource");
        manage.MapPost("/faq", async (CreateFaqSourceDto input, KnowledgeSourceAppService service, CancellationToken ct) =>
                Accepted(await service.CreateFaqAsync(input, ct)))
            .WithName("CreateFaqKnowledgeSource");
        manage.MapPost("/url", async (CreateUrlSourceDto input, KnowledgeSourceAppService service, CancellationToken ct) =>
                Accepted(await service.CreateUrlAsync(input, ct)))
            .WithName("CreateUrlKnowledgeSource");
        manage.MapPost("/pdf", CreatePdfAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxPdfRequestBytes))
            // Bearer tokens, not cookies, authenticate this API, so a cross-site form can't post here.
            .DisableAntiforgery()
            .WithName("CreatePdfKnowledgeSource");
        manage.MapPut("/{id:guid}", async (Guid id, UpdateTextSourceDto input, KnowledgeSourceAppService service, CancellationToken ct) =>
                Accepted(await service.UpdateTextAsync(id, input, ct)))
            .WithName("UpdateKnowledgeSource");
        manage.MapPost("/{id:guid}/retry", async (Guid id, KnowledgeSourceAppService service, CancellationToken ct) =>
                Accepted(await service.RetryAsync(id, ct)))
            .WithName("RetryKnowledgeSource");
        manage.MapPost("/{id:guid}/refetch", async (Guid id, KnowledgeSourceAppService service, CancellationToken ct) =>
                Accepted(await service.RefetchAsync(id, ct)))
            .WithName("RefetchKnowledgeSource");
        manage.MapDelete("/{id:guid}", async (Guid id, KnowledgeSourceAppService service, CancellationToken ct) =>
                {
                    await service.DeleteAsync(id, ct);
                    return TypedResults.NoContent();
                })
            .WithName("DeleteKnowledgeSource");
    }

    /// <summary>The PDF limit plus room for the form's other fields and boundaries.</summary>
    private const long MaxPdfRequestBytes = KnowledgeSourceConsts.MaxPdfBytes + (64 * 1024);

    private static async Task<Results<Accepted<KnowledgeSourceDto>, ValidationProblem>> CreatePdfAsync(
        IFormFile? file, [FromForm] string? title, [FromForm] string? language, KnowledgeSourceAppService service, CancellationToken ct)
    {
        if (file is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach the PDF as the form field \"file\"."] });
        }

        if (file.Length > KnowledgeSourceConsts.MaxPdfBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["file"] = [$"The PDF can't be larger than {KnowledgeSourceConsts.MaxPdfBytes / (1024 * 1024)} MB."],
            });
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, ct);
        return Accepted(await service.CreatePdfAsync(new CreatePdfSourceDto
        {
            FileName = file.FileName,
            Title = title,
            Language = string.IsNullOrWhiteSpace(language) ? KnowledgeLanguages.Default : language,
            Content = content.ToArray(),
        }, ct));
    }

    private static Accepted<KnowledgeSourceDto> Accepted(KnowledgeSourceDto source) =>
        TypedResults.Accepted($"/api/app/knowledge/sources/{source.Id}", source);
}
