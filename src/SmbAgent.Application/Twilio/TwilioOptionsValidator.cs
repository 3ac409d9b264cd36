using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmbAgent.Twilio;

/// <summary>Checks a configured Twilio section at start, so a typo fails the deployment rather than the first emergency alert.</summary>
public sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (!AccountSidFormat().IsMatch(options.AccountSid!))
        {
            failures.Add("Twilio:AccountSid must be AC followed by 32 hexadecimal digits.");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add("Twilio:AuthToken is required when Twilio:AccountSid is set.");
        }

        if (string.IsNullOrWhiteSpace(options.MessagingServiceSid) && string.IsNullOrWhiteSpace(options.FromNumber))
        {
            failures.Add("Twilio:FromNumber or Twilio:MessagingServiceSid is required when Twilio:AccountSid is set.");
        }

        if (!string.IsNullOrWhiteSpace(options.MessagingServiceSid) && !MessagingServiceSidFormat().IsMatch(options.MessagingServiceSid))
        {
            failures.Add("Twilio:MessagingServiceSid must be MG followed by 32 hexadecimal digits.");
        }

        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Twilio:BaseUrl must be an absolute http(s) address.");
        }

        // Polly refuses timeouts outside this range when the pipeline is built; saying so here names the setting.
        if (options.AttemptTimeout < ShortestTimeout || options.AttemptTimeout > LongestTimeout)
        {
            failures.Add("Twilio:AttemptTimeout must be between 10 ms and one day.");
        }

        if (options.TotalTimeout < options.AttemptTimeout || options.TotalTimeout > LongestTimeout)
        {
            failures.Add("Twilio:TotalTimeout must be at least Twilio:AttemptTimeout and at most one day.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("Twilio:MaxRetryAttempts must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Twilio:RetryBaseDelay must be between 0 and one minute.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add("Twilio:MaxRetryAfter must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidFormat();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSidFormat();
}
