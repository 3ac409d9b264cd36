using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Permissions;
using SmbAgent.Voice.Calls;

namespace SmbAgent.Web.Pages.Workspace.Calls;

/// <summary>The call page's audio player source: the recording streamed from Twilio, the line's credentials staying here.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class RecordingModel(CallRecordingSource recordings) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        RecordingDownload? recording;
        try
        {
            recording = await recordings.OpenAsync(Id, cancellationToken);
        }
        catch (BusinessException e)
        {
            // An audio element shows no page: the status says enough, the status-code pages write the rest.
            return StatusCode(e.Status);
        }

        if (recording is null)
        {
            return NotFound();
        }

        HttpContext.Response.RegisterForDispose(recording);
        // A personal conversation: no shared cache may keep it.
        Response.Headers.CacheControl = "private, no-store";
        return File(recording.Content, recording.ContentType);
    }
}
