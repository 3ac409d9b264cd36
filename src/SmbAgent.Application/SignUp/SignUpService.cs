using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Identity;
using SmbAgent.Tenancy;

namespace SmbAgent.SignUp;

/// <summary>
/// Self sign-up: a business on FREE with its owner (TenantManager seeds profile, agent and starter
/// questions), then the owner is signed in and sent an email confirmation link.
/// </summary>
public sealed partial class SignUpService(
    TenantManager tenants,
    SignInManager<AppUser> signInManager,
    ICurrentTenant currentTenant,
    AccountRecoveryService recovery,
    IAuditLogger audit,
    ILogger<SignUpService> logger)
{
    public const string DuplicateNameMessage = "A business with this name already exists. Choose another name.";

    public async Task<SignUpResult> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateOwnerAsync(request);
        if (errors.Count > 0)
        {
            return new SignUpResult(null, errors);
        }

        Tenant tenant;
        try
        {
            tenant = await tenants.CreateAsync(
                new CreateTenantRequest(request.BusinessName, request.Email, request.Password, request.OwnerName, BusinessType: request.BusinessType, TimeZone: request.TimeZone),
                cancellationToken);
        }
        catch (BusinessException e) when (e.Code == "Tenants:DuplicateName")
        {
            return new SignUpResult(null, [new SignUpError(SignUpField.BusinessName, DuplicateNameMessage)]);
        }

        using (currentTenant.Change(tenant.Id, tenant.Name))
        {
            var owner = await signInManager.UserManager.FindByEmailAsync(request.Email)
                        ?? throw new InvalidOperationException("The new owner was not found in their business.");
            await signInManager.SignInAsync(owner, isPersistent: false);
            await audit.LogAsync(AuditActions.SignedUp, $"business {tenant.Name}, owner {owner.UserName}", cancellationToken);
            await SendConfirmationAsync(owner, cancellationToken);
        }

        return new SignUpResult(tenant, []);
    }

    /// <summary>Identity's own checks, run before anything is written so each message lands next to its field.</summary>
    private async Task<List<SignUpError>> ValidateOwnerAsync(SignUpRequest request)
    {
        var users = signInManager.UserManager;
        var errors = new List<SignUpError>();

        // A tenant id no row has: uniqueness checks find nobody, as in a brand-new business.
        using (currentTenant.Change(Guid.CreateVersion7()))
        {
            var owner = new AppUser(Guid.CreateVersion7(), currentTenant.Id, request.Email, request.Email);
            foreach (var validator in users.UserValidators)
            {
                var result = await validator.ValidateAsync(users, owner);
                errors.AddRange(result.Errors.Select(e => new SignUpError(SignUpField.Email, e.Description)));
            }

            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, owner, request.Password);
                errors.AddRange(result.Errors.Select(e => new SignUpError(SignUpField.Password, e.Description)));
            }
        }

        return errors;
    }

    /// <summary>The business exists and the owner is in; a mail outage must not turn that into an error page (they can resend).</summary>
    private async Task SendConfirmationAsync(AppUser owner, CancellationToken cancellationToken)
    {
        try
        {
            await recovery.SendEmailConfirmationAsync(owner, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException)
        {
            LogConfirmationNotSent(e, owner.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email confirmation for new owner {UserId} could not be sent")]
    private partial void LogConfirmationNotSent(Exception exception, Guid userId);
}
