using Microsoft.AspNetCore.Http.HttpResults;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Permissions;

namespace SmbAgent.HttpApi.KnowledgeBase;

public static class KnowledgeSearchEndpoints
{
    public static void MapKnowledgeSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/app/knowledge/search", SearchAsync)
            .WithTags("Knowledge base")
            .RequireAuthorization(SmbPermissions.Knowledge.Default)
            .WithName("SearchKnowledge");
    }

    private static async Task<Results<Ok<KnowledgeSearchResult>, ValidationProblem>> SearchAsync(
        string? q, IKnowledgeSearch search, CancellationToken ct, int top = 5)
    {
        var question = q?.Trim() ?? string.Empty;
        if (question.Length is 0 or > KnowledgeSearchOptions.MaxQuestionLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"Ask a question of 1 to {KnowledgeSearchOptions.MaxQuestionLength} characters."],
            });
        }

        return TypedResults.Ok(await search.SearchAsync(question, top, ct));
    }
}
