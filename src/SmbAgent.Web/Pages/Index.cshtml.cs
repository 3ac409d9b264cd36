using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Pages;

/// <summary>A business's setup checklist and usage; the platform admin's start page.</summary>
public sealed class IndexModel(ICurrentTenant currentTenant, SetupChecklistAppService checklists) : PageModel
{
    /// <summary>Null for the platform admin.</summary>
    public SetupChecklist? Checklist { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (currentTenant.IsAvailable)
        {
            Checklist = await checklists.GetAsync(cancellationToken);
        }
    }
}
