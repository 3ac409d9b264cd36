using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmbAgent.Web.Pages.Dev;

/// <summary>
/// Development only: a small business's website to add as a URL source on a machine without internet (the run
/// command allows loopback addresses in Development). Any other environment answers 404.
/// </summary>
[AllowAnonymous]
public sealed class SampleSiteModel(IWebHostEnvironment environment) : PageModel
{
    public IActionResult OnGet() =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") ? Page() : NotFound();
}
