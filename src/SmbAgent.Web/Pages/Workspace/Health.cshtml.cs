using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Features;
using SmbAgent.Health;
using SmbAgent.Permissions;
using SmbAgent.Web.Navigation;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>
/// The business's own trouble of the last 30 days: notifications that failed or are retrying, webhook deliveries given
/// up on, knowledge sources that failed to index. Below PRO, the upgrade prompt instead.
/// </summary>
[Authorize(Policy = SmbPermissions.Workspace.ManageSettings)]
public sealed class HealthModel(BusinessHealthAppService health, EditionCatalog editions) : PageModel
{
    public BusinessHealthDto? Health { get; private set; }

    public UpgradePrompt? Prompt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Health = await health.GetAsync(cancellationToken);
        }
        catch (FeatureNotEnabledException)
        {
            Prompt = await editions.PromptAsync(
                SmbFeatures.Platform.HealthPage,
                "See what went wrong before your customers tell you",
                "The health page lists the notifications that could not be sent, the webhooks your systems refused and the knowledge the agent could not read. It comes with a higher plan.",
                cancellationToken: cancellationToken);
        }
    }
}
