namespace SmbAgent.PublicUrls;

/// <summary>The one Host a host answers to; none (Development, or <c>AllowedHosts</c> set) answers to any.</summary>
public sealed class PublicHostOptions
{
    public string? Host { get; set; }
}
