using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SmbAgent.Identity;

namespace SmbAgent.HttpApi.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/token", IssueTokenAsync)
            .WithName("IssueToken")
            .RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithSummary("Exchanges a business name (blank for platform admins), user name or email and password for a bearer token.");
    }

    /// <summary>The bearer handler writes the token response itself when the sign-in succeeds.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> IssueTokenAsync(
        TokenRequest request,
        AccountSignInService signIn,
        SignInManager<AppUser> signInManager,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrEmpty(request.UserName) ? "userName" : "password"] = ["Enter the user name or email and the password."],
            });
        }

        signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Business, request.UserName, request.Password, isPersistent: false, cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Empty;
        }

        // A locked account answers like a wrong password (its lockout still counts): a 423 would tell which accounts exist.
        return TypedResults.Problem("The business, user name or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    /// <summary>Nulls are allowed here so a missing field is answered as a 400 naming it.</summary>
    public sealed record TokenRequest(string? Business, string? UserName, string? Password);
}
