using SmbAgent.Workspace;

namespace SmbAgent.SignUp;

/// <summary>A new business and its owner, as typed on the sign-up form (already checked for presence and format).</summary>
public sealed record SignUpRequest(
    string BusinessName,
    BusinessType BusinessType,
    string TimeZone,
    string OwnerName,
    string Email,
    string Password);
