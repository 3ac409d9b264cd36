using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Analytics;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Permissions;
using SmbAgent.Web.Navigation;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>
/// The business's analytics for a chosen period, from the daily roll-ups: basic counts for every plan with analytics,
/// the PRO sections (or their upgrade prompt) below, each chart with its table and CSV.
/// </summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class AnalyticsModel(AnalyticsAppService analytics, EditionCatalog editions, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "days")]
    public int Days { get; set; } = 30;

    [BindProperty]
    public TurnIntoFaqDto Faq { get; set; } = new();

    public AnalyticsReportDto? Report { get; private set; }

    public IReadOnlyList<UnansweredGroupDto> Unanswered { get; private set; } = [];

    /// <summary>Shown instead of the whole page without analytics, or instead of the full sections below PRO.</summary>
    public UpgradePrompt? Prompt { get; private set; }

    public bool CanWriteFaq { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table is null || !AnalyticsCsv.Tables.Contains(table) || !AnalyticsAppService.Periods.Contains(Days))
        {
            return NotFound();
        }

        var level = await analytics.GetLevelAsync(cancellationToken);
        if (level == SmbFeatures.Analytics.None || (AnalyticsCsv.IsFull(table) && level != SmbFeatures.Analytics.Full))
        {
            return Forbid();
        }

        var report = await analytics.GetReportAsync(Days, cancellationToken);
        var unanswered = table == "unanswered" ? await analytics.GetUnansweredGroupsAsync(Days, cancellationToken) : [];
        Response.ContentType = AnalyticsCsv.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"analytics-{table}-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.csv\"";
        await AnalyticsCsv.WriteAsync(table, report, unanswered, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostFaqAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.Knowledge.Manage)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await analytics.TurnIntoFaqAsync(Faq, cancellationToken);
            Notice = "The answer was added to your knowledge as a FAQ; the agent uses it once it is indexed.";
            return RedirectToPage(new { days = AnalyticsAppService.Periods.Contains(Days) ? Days : 30 });
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError($"{nameof(Faq)}.{error.PropertyName}", error.ErrorMessage);
            }
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        catch (FeatureNotEnabledException)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!AnalyticsAppService.Periods.Contains(Days))
        {
            Days = 30;
        }

        var level = await analytics.GetLevelAsync(cancellationToken);
        if (level == SmbFeatures.Analytics.None)
        {
            Prompt = new UpgradePrompt("Analytics", "See how many conversations turn into leads, by channel and by day.",
                await editions.EditionsWithAsync(SmbFeatures.Analytics.Level, SmbFeatures.Analytics.Basic, cancellationToken));
            return;
        }

        Report = await analytics.GetReportAsync(Days, cancellationToken);
        if (Report.Full is null)
        {
            Prompt = new UpgradePrompt("Full analytics",
                "Where visitors stop answering your lead questions, your busiest hours, voice minutes and call outcomes, and the questions your agent couldn't answer, ready to turn into FAQ entries.",
                await editions.EditionsWithAsync(SmbFeatures.Analytics.Level, SmbFeatures.Analytics.Full, cancellationToken));
            return;
        }

        Unanswered = await analytics.GetUnansweredGroupsAsync(Days, cancellationToken);
        CanWriteFaq = (await authorization.AuthorizeAsync(User, SmbPermissions.Knowledge.Manage)).Succeeded;
    }
}
