using Microsoft.AspNetCore.Http;

namespace SmbAgent.Input;

/// <summary>The first form field (or uploaded file) whose name, value or file name <see cref="StorableText"/> can't keep.</summary>
public static class StorableForm
{
    public static string? FirstUnstorableField(IFormCollection form) =>
        form.FirstOrDefault(f => !StorableText.IsStorable(f.Key) || f.Value.Any(v => !StorableText.IsStorable(v))).Key
        ?? form.Files.FirstOrDefault(f => !StorableText.IsStorable(f.Name) || !StorableText.IsStorable(f.FileName))?.Name;
}
