using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SmbAgent.ErrorHandling;
using SmbAgent.Input;

namespace SmbAgent.Web.Input;

/// <summary>
/// Refuses a posted form holding text <see cref="StorableText"/> can't keep (a 400 problem naming the field), and one
/// that can't be read at all (a NUL in a URL-encoded form, a body past the page's limit) with the 400 status page.
/// A resource filter runs after every authorization filter: an anonymous post to a closed page is never read, and a
/// page's own upload limit is in force when the form is.
/// </summary>
public sealed class StorableFormFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // The status page re-executes the refused post; its form is not read again.
        if (!request.HasFormContentType || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            context.Result = new BadRequestResult();
            return;
        }

        if (StorableForm.FirstUnstorableField(form) is { } field)
        {
            context.Result = new ObjectResult(Problems.Validation(field, StorableText.Problem))
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            };
            return;
        }

        await next();
    }
}
