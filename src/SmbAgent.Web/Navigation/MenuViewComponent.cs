using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.Web.Navigation;

/// <summary>Renders the sidebar: entries the user may use, locked ones with the editions that unlock them.</summary>
public sealed class MenuViewComponent(IAuthorizationService authorization, IFeatureChecker features, EditionCatalog editions, ICurrentTenant currentTenant)
    : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var entries = new List<MenuEntry>();
        foreach (var item in currentTenant.IsAvailable ? AdminMenu.Tenant : AdminMenu.Host)
        {
            if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, item.Permission)).Succeeded)
            {
                continue;
            }

            var unlockedBy = item.RequiredFeature is { } feature && !await features.IsEnabledAsync(feature)
                ? await editions.EditionsUnlockingAsync(feature)
                : null;
            entries.Add(new MenuEntry(item, unlockedBy));
        }

        return View(entries);
    }

    public sealed record MenuEntry(MenuItem Item, IReadOnlyList<string>? LockedUntil);
}
