namespace SmbAgent.Emailing;

/// <summary>An email to one recipient. <see cref="HtmlBody"/> must be built with an HTML encoder for every value that came from a user.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
