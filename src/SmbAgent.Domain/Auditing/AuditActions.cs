namespace SmbAgent.Auditing;

public static class AuditActions
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedUp = "SignedUp";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string TwoFactorChanged = "TwoFactorChanged";
    public const string UserInvited = "UserInvited";
    public const string UserRemoved = "UserRemoved";
    public const string RoleChanged = "RoleChanged";
    public const string EditionChanged = "EditionChanged";
    public const string FeatureOverridden = "FeatureOverridden";
    public const string TenantCreated = "TenantCreated";
    public const string TenantUpdated = "TenantUpdated";
    public const string TenantDeactivated = "TenantDeactivated";
    public const string TenantReactivated = "TenantReactivated";
    public const string EditionSaved = "EditionSaved";
    public const string EditionDeleted = "EditionDeleted";
    public const string ImpersonationStarted = "ImpersonationStarted";
    public const string ImpersonationEnded = "ImpersonationEnded";
    public const string PhoneLineAdded = "PhoneLineAdded";
    public const string PhoneLineChanged = "PhoneLineChanged";
    public const string PhoneLineRemoved = "PhoneLineRemoved";
    public const string PrivacySettingsChanged = "PrivacySettingsChanged";
    public const string ContactExported = "ContactExported";
    public const string ContactErased = "ContactErased";
    public const string TenantDeletionScheduled = "TenantDeletionScheduled";
    public const string TenantDeletionCancelled = "TenantDeletionCancelled";
    public const string TenantPurged = "TenantPurged";
    public const string WebhookSubscriptionAdded = "WebhookSubscriptionAdded";
    public const string WebhookSubscriptionRemoved = "WebhookSubscriptionRemoved";
    public const string WebhookSecretShown = "WebhookSecretShown";
}
