using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>
/// Asks the knowledge base a question as the agent would and shows the passages it would get, their scores,
/// and whether the best one clears the relevance threshold. A GET, so a result can be linked and reloaded.
/// </summary>
[Authorize(Policy = SmbPermissions.Knowledge.Default)]
public sealed class TestModel(IKnowledgeSearch search, IOptions<KnowledgeSearchOptions> options) : PageModel
{
    public const int Top = 5;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Question { get; set; }

    public KnowledgeSearchResult? Result { get; private set; }

    public double MinSimilarity => options.Value.MinSimilarity;

    public double? BestSimilarity => Result?.Passages.Max(p => p.VectorSimilarity);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Request.Query.ContainsKey("q"))
        {
            return;
        }

        var question = Question?.Trim() ?? string.Empty;
        if (question.Length == 0)
        {
            ModelState.AddModelError("q", "Type a question, as a customer would ask it.");
        }
        else if (question.Length > KnowledgeSearchOptions.MaxQuestionLength)
        {
            ModelState.AddModelError("q", $"A question can have at most {KnowledgeSearchOptions.MaxQuestionLength} characters; this one has {question.Length}.");
        }
        else
        {
            Result = await search.SearchAsync(question, Top, cancellationToken);
        }
    }
}
