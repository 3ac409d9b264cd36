using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SmbAgent.Twilio;

/// <summary>
/// Looks the number up among the account's incoming numbers (<c>IncomingPhoneNumberResource.ReadAsync</c>) with the
/// credentials given. In development-outbox mode the development account has no real numbers, so it passes unasked.
/// </summary>
public sealed partial class TwilioAccountCheck(TwilioRestClients clients, IOptions<TwilioOptions> options, ILogger<TwilioAccountCheck> logger)
    : ITwilioAccountCheck
{
    public const string MalformedAccountSid = "The Account SID should be AC followed by 32 letters and digits, as Twilio's console shows it.";
    public const string CredentialsRefused = "Twilio refused these credentials: check the Account SID and the auth token.";
    public const string NumberNotOnAccount = "This number is not on that Twilio account.";
    public const string TwilioUnavailable = "Twilio could not be reached just now; try again in a minute.";

    public async Task<TwilioAccountCheckResult> CheckAsync(string accountSid, string authToken, string number, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        // The SID becomes part of the request path: nothing but Twilio's shape goes there.
        if (string.IsNullOrWhiteSpace(accountSid) || !AccountSidFormat().IsMatch(accountSid) || string.IsNullOrWhiteSpace(authToken))
        {
            return new TwilioAccountCheckResult(MalformedAccountSid, null);
        }

        if (IsDevelopmentAccount(accountSid, authToken))
        {
            return new TwilioAccountCheckResult(null, null);
        }

        using var exchange = TwilioExchange.Begin(cancellationToken);
        try
        {
            var numbers = await IncomingPhoneNumberResource.ReadAsync(
                phoneNumber: new PhoneNumber(number), pageSize: 1, limit: 1, client: clients.For(accountSid, authToken));
            var found = numbers.FirstOrDefault(n => string.Equals(n.PhoneNumber?.ToString(), number, StringComparison.Ordinal));
            return found is null
                ? new TwilioAccountCheckResult(NumberNotOnAccount, null)
                : new TwilioAccountCheckResult(null, found.VoiceUrl);
        }
        catch (TwilioException e) when (TwilioRequestFailure.Classify(e, exchange, number) is { } failure)
        {
            LogFailed(logger, failure.Kind, failure.HttpStatusCode ?? 0, failure.ErrorCode);
            return new TwilioAccountCheckResult(
                failure switch
                {
                    { HttpStatusCode: 401 } or { ErrorCode: 20003 } => CredentialsRefused,
                    { IsTransient: true } => TwilioUnavailable,
                    _ => $"Twilio refused the check (error {failure.CodeText}): {failure.Reason}",
                },
                null);
        }
        catch (TwilioException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The account check was cancelled.", e, cancellationToken);
        }
    }

    private bool IsDevelopmentAccount(string accountSid, string authToken)
    {
        var settings = options.Value;
        return settings.DevelopmentOutbox
            && string.Equals(accountSid, settings.AccountSid, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(settings.AuthToken ?? string.Empty));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Twilio account check failed ({Kind}): HTTP {HttpStatus}, error {ErrorCode}")]
    private static partial void LogFailed(ILogger logger, TwilioFailureKind kind, int httpStatus, int? errorCode);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidFormat();
}
