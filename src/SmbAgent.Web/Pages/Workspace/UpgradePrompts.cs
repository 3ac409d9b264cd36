using SmbAgent.Features;
using SmbAgent.Web.Navigation;

namespace SmbAgent.Web.Pages.Workspace;

public static class UpgradePrompts
{
    /// <summary>An upgrade prompt naming the editions that unlock <paramref name="feature"/> (or allow more than <paramref name="moreThan"/>).</summary>
    public static async Task<UpgradePrompt> PromptAsync(
        this EditionCatalog catalog, string feature, string title, string message, long? moreThan = null, CancellationToken cancellationToken = default) =>
        new(title, message, await catalog.EditionsUnlockingAsync(feature, moreThan, cancellationToken));
}
