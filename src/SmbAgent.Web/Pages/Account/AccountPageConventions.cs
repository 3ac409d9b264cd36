using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace SmbAgent.Web.Pages.Account;

public static class AccountPageConventions
{
    /// <summary>
    /// The account pages are for signed-out visitors, except /Account/Manage (the signed-in user's own
    /// account). AllowAnonymous beats any Authorize, so Manage must never get it.
    /// </summary>
    public static PageConventionCollection AllowAnonymousToAccountPages(this PageConventionCollection conventions)
    {
        conventions.AddFolderApplicationModelConvention("/Account", model =>
        {
            if (!model.ViewEnginePath.StartsWith("/Account/Manage/", StringComparison.OrdinalIgnoreCase))
            {
                model.EndpointMetadata.Add(new AllowAnonymousAttribute());
            }
        });
        return conventions;
    }
}
