using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;
using SmbAgent.Twilio;
using SmbAgent.Voice.Speech;

namespace SmbAgent.Voice.PhoneLines;

/// <summary>
/// The current business's Twilio numbers. Needs the voice agent (premium voices for an OpenAI voice), enforced here and
/// not only hidden; permissions are on the pages. The auth token goes in, protected, and never comes out.
/// </summary>
public sealed class PhoneLineAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IFeatureChecker features,
    IValidator<CreateUpdatePhoneLineDto> validator,
    PhoneLineSecrets secrets,
    IAuditLogger audit,
    IOptions<PublicUrlOptions> urls,
    SpeechPreparation speech,
    TimeProvider clock)
{
    public PhoneLineWebhooks Webhooks
    {
        get
        {
            var api = urls.Value.Api.AbsoluteUri.TrimEnd('/');
            return new PhoneLineWebhooks(new Uri($"{api}/api/voice/incoming"), new Uri($"{api}/api/voice/status"), new Uri($"{api}/api/voice/fallback"));
        }
    }

    public async Task<PhoneLineListDto> GetListAsync(CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
        var lines = await db.PhoneLines.AsNoTracking()
            .OrderBy(l => l.CreationTime).ThenBy(l => l.Id)
            .Select(l => new PhoneLineDto(l.Id, l.Number, l.AccountSid, l.ForwardTo, l.SayVoice, l.PremiumVoice, l.IsActive, l.LastTestTime, l.LastTestProblem))
            .ToListAsync(cancellationToken);
        return new PhoneLineListDto(lines, Webhooks, await features.IsEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken));
    }

    /// <summary>The edit form's values; the auth token is left empty.</summary>
    public async Task<CreateUpdatePhoneLineDto> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
        var line = await FindAsync(id, cancellationToken);
        return new CreateUpdatePhoneLineDto
        {
            Number = line.Number,
            AccountSid = line.AccountSid,
            ForwardTo = line.ForwardTo,
            SayVoice = line.SayVoice,
            PremiumVoice = line.PremiumVoice,
            IsActive = line.IsActive,
        };
    }

    public async Task<PhoneLineDto> CreateAsync(CreateUpdatePhoneLineDto input, CancellationToken cancellationToken = default)
    {
        var country = await CheckAsync(input, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.AuthToken))
        {
            throw new ValidationException([new ValidationFailure(nameof(input.AuthToken), "Enter the auth token from your Twilio console.")]);
        }

        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "Phone lines belong to a business.", 403);
        var number = CreateUpdatePhoneLineDtoValidator.Normalize(input.Number, country)!;
        await CheckNotOwnAsync(number, null, cancellationToken);
        var line = new PhoneLine(Guid.CreateVersion7(), tenantId, number, input.AccountSid!.Trim(), secrets.Protect(input.AuthToken.Trim()))
        {
            CreationTime = clock.GetUtcNow(),
        };
        Apply(line, input, country);
        db.PhoneLines.Add(line);
        await SaveAsync(cancellationToken);
        await audit.LogAsync(AuditActions.PhoneLineAdded, $"phone line {Masked(line.Number)} on account {line.AccountSid}", cancellationToken);
        if (line.PremiumVoice is not null)
        {
            await speech.QueueAsync(cancellationToken);
        }

        return ToDto(line);
    }

    public async Task<PhoneLineDto> UpdateAsync(Guid id, CreateUpdatePhoneLineDto input, CancellationToken cancellationToken = default)
    {
        var country = await CheckAsync(input, cancellationToken);
        var line = await FindAsync(id, cancellationToken);
        var number = CreateUpdatePhoneLineDtoValidator.Normalize(input.Number, country)!;
        await CheckNotOwnAsync(number, id, cancellationToken);
        var changes = new List<string>();
        if (line.Number != number)
        {
            changes.Add($"number {Masked(line.Number)} to {Masked(number)}");
            line.Number = number;
        }

        if (line.AccountSid != input.AccountSid!.Trim())
        {
            changes.Add($"account {line.AccountSid} to {input.AccountSid.Trim()}");
            line.AccountSid = input.AccountSid.Trim();
        }

        if (!string.IsNullOrWhiteSpace(input.AuthToken))
        {
            changes.Add("auth token replaced");
            line.ProtectedAuthToken = secrets.Protect(input.AuthToken.Trim());
        }

        var before = (line.ForwardTo, line.SayVoice, line.PremiumVoice, line.IsActive);
        Apply(line, input, country);
        var voiceToPrepare = line.PremiumVoice is not null && (line.PremiumVoice != before.PremiumVoice || (line.IsActive && !before.IsActive));
        if (before != (line.ForwardTo, line.SayVoice, line.PremiumVoice, line.IsActive))
        {
            changes.Add("voice, forwarding or active changed");
        }

        await SaveAsync(cancellationToken);
        if (changes.Count > 0)
        {
            await audit.LogAsync(AuditActions.PhoneLineChanged, $"phone line {Masked(line.Number)}: {string.Join("; ", changes)}", cancellationToken);
        }

        // A new premium voice says the greeting and questions from its first call: they are synthesised now.
        if (voiceToPrepare)
        {
            await speech.QueueAsync(cancellationToken);
        }

        return ToDto(line);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
        var line = await FindAsync(id, cancellationToken);
        db.PhoneLines.Remove(line);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(AuditActions.PhoneLineRemoved, $"phone line {Masked(line.Number)} on account {line.AccountSid}", cancellationToken);
    }

    /// <summary>
    /// "Test my setup": asks Twilio with the line's own credentials, then compares where the number's calls go with our
    /// webhook. The account check comes with the call, so listing lines never builds a Twilio client.
    /// </summary>
    public async Task<PhoneLineTestResultDto> TestAsync(Guid id, ITwilioAccountCheck check, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
        var line = await FindAsync(id, cancellationToken);
        var token = secrets.Unprotect(line.ProtectedAuthToken);
        string? problem;
        if (token is null)
        {
            problem = "The saved auth token can no longer be read: edit the line and enter it again.";
        }
        else
        {
            var result = await check.CheckAsync(line.AccountSid, token, line.Number, cancellationToken);
            var incoming = Webhooks.Incoming;
            problem = result.Problem
                      ?? (result.VoiceUrl is null
                          ? $"Twilio sends this number's calls nowhere yet: paste {incoming.AbsoluteUri} into its \"A call comes in\" webhook (HTTP POST)."
                          : result.VoiceUrl != incoming
                              ? $"Twilio sends this number's calls to {result.VoiceUrl.AbsoluteUri}, not to our webhook {incoming.AbsoluteUri}."
                              : null);
        }

        line.LastTestTime = clock.GetUtcNow();
        line.LastTestProblem = problem is null ? null : Truncate(problem, VoiceConsts.MaxProblemLength);
        await db.SaveChangesAsync(cancellationToken);
        return new PhoneLineTestResultDto(line.LastTestTime.Value, line.LastTestProblem);
    }

    /// <summary>The plan first (a crafted form from a plan without voice is refused whatever it holds), then the fields.</summary>
    private async Task<string?> CheckAsync(CreateUpdatePhoneLineDto input, CancellationToken cancellationToken)
    {
        await features.CheckEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
        if (!string.IsNullOrEmpty(input.PremiumVoice))
        {
            await features.CheckEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken);
        }

        var country = await db.BusinessProfiles.AsNoTracking().Select(p => p.Country).FirstOrDefaultAsync(cancellationToken);
        var context = new ValidationContext<CreateUpdatePhoneLineDto>(input);
        context.RootContextData[CreateUpdatePhoneLineDtoValidator.CountryKey] = country;
        var result = await validator.ValidateAsync(context, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        return country;
    }

    private static void Apply(PhoneLine line, CreateUpdatePhoneLineDto input, string? country)
    {
        line.ForwardTo = string.IsNullOrWhiteSpace(input.ForwardTo) ? null : CreateUpdatePhoneLineDtoValidator.Normalize(input.ForwardTo, country);
        line.SayVoice = input.SayVoice!;
        line.PremiumVoice = string.IsNullOrEmpty(input.PremiumVoice) ? null : input.PremiumVoice;
        line.IsActive = input.IsActive;
    }

    private async Task CheckNotOwnAsync(string number, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.PhoneLines.AnyAsync(l => l.Number == number && l.Id != except, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure(nameof(CreateUpdatePhoneLineDto.Number), "This number is already one of your lines.")]);
        }
    }

    /// <summary>The number is unique across businesses, and another business's lines are out of this tenant's sight: only the index can tell.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateEntryException)
        {
            throw new ValidationException([new ValidationFailure(
                nameof(CreateUpdatePhoneLineDto.Number),
                "This number is already connected to another business. If it is yours, release it there first or contact support.")]);
        }
    }

    private async Task<PhoneLine> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.PhoneLines.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new EntityNotFoundException(nameof(PhoneLine), id);

    private static PhoneLineDto ToDto(PhoneLine l) =>
        new(l.Id, l.Number, l.AccountSid, l.ForwardTo, l.SayVoice, l.PremiumVoice, l.IsActive, l.LastTestTime, l.LastTestProblem);

    /// <summary>The audit log names a line by its last digits: enough to tell lines apart, not a number to call.</summary>
    private static string Masked(string number) => number.Length <= 4 ? number : "…" + number[^4..];

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
