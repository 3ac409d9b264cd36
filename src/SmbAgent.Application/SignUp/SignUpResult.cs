using SmbAgent.Tenancy;

namespace SmbAgent.SignUp;

public enum SignUpField
{
    BusinessName,
    Email,
    Password,
}

/// <summary>A message for one field of the sign-up form.</summary>
public sealed record SignUpError(SignUpField Field, string Message);

/// <summary>The created business, or why nothing was created.</summary>
public sealed record SignUpResult(Tenant? Tenant, IReadOnlyList<SignUpError> Errors)
{
    public bool Succeeded => Tenant is not null;
}
