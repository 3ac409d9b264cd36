using Microsoft.AspNetCore.Http.HttpResults;
using SmbAgent.KnowledgeBase;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>Knowledge sources: the list, and new text or FAQ sources (indexed in the background, so 202).</summary>
public static class RestApiKnowledgeEndpoints
{
    public static void MapRestKnowledge(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/knowledge/sources").WithTags("Knowledge");
        group.MapGet("/", (KnowledgeSourceAppService sources, CancellationToken ct) => sources.GetListAsync(ct))
            .WithName("ApiListKnowledgeSources")
            .WithSummary("The business's knowledge sources with their indexing status.");
        group.MapPost("/text", async (CreateTextSourceDto input, KnowledgeSourceAppService sources, CancellationToken ct) =>
                Accepted(await sources.CreateTextAsync(input, ct)))
            .RequireWriteScope()
            .WithName("ApiCreateTextKnowledgeSource")
            .WithSummary("Adds a text source. Needs a read-write key.")
            .ProducesValidationProblem();
        group.MapPost("/faq", async (CreateFaqSourceDto input, KnowledgeSourceAppService sources, CancellationToken ct) =>
                Accepted(await sources.CreateFaqAsync(input, ct)))
            .RequireWriteScope()
            .WithName("ApiCreateFaqKnowledgeSource")
            .WithSummary("Adds an FAQ source from question-and-answer pairs or text. Needs a read-write key.")
            .ProducesValidationProblem();
    }

    private static Accepted<KnowledgeSourceDto> Accepted(KnowledgeSourceDto source) =>
        TypedResults.Accepted($"{RestApiEndpoints.Prefix}/knowledge/sources/{source.Id}", source);
}
