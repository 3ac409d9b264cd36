namespace SmbAgent.Emailing;

/// <summary>
/// Bound from <c>Email</c>. With an SMTP host, mail goes through it (MailKit); without one, each mail is
/// written as an .eml file to <see cref="PickupDirectory"/>, which the development mail page lists.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string FromAddress { get; set; } = "no-reply@smbagent.local";

    public string FromName { get; set; } = "SmbAgent";

    public SmtpOptions Smtp { get; set; } = new();

    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "smbagent-mail");

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary>StartTLS when the server offers it; off only for local test servers.</summary>
        public bool UseStartTls { get; set; } = true;
    }
}
