using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.Web.Pages;

public sealed class IndexModel(ICurrentTenant currentTenant, IFeatureChecker features) : PageModel
{
    public string? TenantName { get; private set; }

    public IReadOnlyList<(string DisplayName, string Value)> Features { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TenantName = currentTenant.Name;
        var values = new List<(string, string)>();
        foreach (var definition in SmbFeatureDefinitions.All)
        {
            values.Add((definition.DisplayName, await features.GetAsync(definition.Name, cancellationToken)));
        }

        Features = values;
    }
}
