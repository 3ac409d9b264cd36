namespace SmbAgent.Web.Navigation;

/// <summary>What a page shows instead of a blocked action: why, and which editions unlock it.</summary>
public sealed record UpgradePrompt(string Title, string Message, IReadOnlyList<string> Editions);
