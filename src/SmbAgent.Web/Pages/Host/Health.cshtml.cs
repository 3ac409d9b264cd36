using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Health;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Host;

/// <summary>The platform's health as <c>/health</c> reports it, the alert thresholds and the incident history.</summary>
[Authorize(SmbPermissions.Health.Default)]
public sealed class HealthModel(HealthSnapshotService health, HealthAlertAppService alerts) : PageModel
{
    public HealthSnapshotDto Snapshot { get; private set; } = null!;

    public IReadOnlyList<HealthIncidentDto> Incidents { get; private set; } = [];

    [BindProperty]
    public ThresholdsInput Thresholds { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await alerts.GetThresholdsAsync(cancellationToken);
        Thresholds = new ThresholdsInput
        {
            MemoryMb = current.MemoryMb,
            RedisConsecutiveFailures = current.RedisConsecutiveFailures,
            ActiveSessions = current.ActiveSessions,
            FailedJobs = current.FailedJobs,
        };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await alerts.SetThresholdsAsync(
                    new HealthAlertThresholdsDto(Thresholds.MemoryMb, Thresholds.RedisConsecutiveFailures, Thresholds.ActiveSessions, Thresholds.FailedJobs),
                    cancellationToken);
                TempData["Success"] = "Alert thresholds were saved.";
                return RedirectToPage();
            }
            catch (ValidationException e)
            {
                foreach (var failure in e.Errors)
                {
                    ModelState.AddModelError($"{nameof(Thresholds)}.{failure.PropertyName}", failure.ErrorMessage);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Snapshot = await health.GetAsync(cancellationToken);
        Incidents = await alerts.GetIncidentsAsync(cancellationToken);
    }

    public sealed class ThresholdsInput
    {
        public int? MemoryMb { get; set; }

        public int? RedisConsecutiveFailures { get; set; }

        public int? ActiveSessions { get; set; }

        public int? FailedJobs { get; set; }
    }
}
