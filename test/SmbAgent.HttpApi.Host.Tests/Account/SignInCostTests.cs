using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmbAgent.Identity;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.Account;

/// <summary>
/// Every failed sign-in verifies one password hash, whether or not the account exists: the work, not a stopwatch,
/// is what is asserted, so the test stays deterministic.
/// </summary>
public sealed class SignInCostTests : IAsyncLifetime
{
    private readonly CountingPasswordHasher _hasher = new();
    private readonly ApiFixture _fixture;

    public SignInCostTests() =>
        _fixture = new ApiFixture { TestServices = services => services.AddScoped<IPasswordHasher<AppUser>>(provider => _hasher.Over(provider)) };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task An_unknown_user_an_unknown_business_and_a_locked_account_each_verify_one_password_hash_like_a_wrong_password()
    {
        var owner = await _fixture.CreateTenantAsync();
        var locked = await _fixture.CreateTenantAsync();
        var client = _fixture.Factory.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await TokenAsync(client, locked.Name, locked.Email, Passwords.New());
        }

        var wrongPassword = await VerificationsOfAsync(client, owner.Name, owner.Email);
        var unknownUser = await VerificationsOfAsync(client, owner.Name, $"nobody-{Guid.NewGuid():N}@example.com");
        var unknownBusiness = await VerificationsOfAsync(client, Names.Business(), owner.Email);
        var lockedAccount = await VerificationsOfAsync(client, locked.Name, locked.Email);

        wrongPassword.ShouldBe(1);
        new[] { unknownUser, unknownBusiness, lockedAccount }.ShouldAllBe(count => count == wrongPassword);
    }

    private async Task<int> VerificationsOfAsync(HttpClient client, string business, string userName)
    {
        var before = _hasher.Verifications;
        (await TokenAsync(client, business, userName, Passwords.New())).ShouldBe(HttpStatusCode.Unauthorized);
        return _hasher.Verifications - before;
    }

    private static async Task<HttpStatusCode> TokenAsync(HttpClient client, string business, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/account/token", new { business, userName, password });
        return response.StatusCode;
    }

    /// <summary>Identity's hasher, counting the passwords it verifies.</summary>
    private sealed class CountingPasswordHasher
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<AppUser> Over(IServiceProvider provider) =>
            new Counting(new PasswordHasher<AppUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), this);

        private sealed class Counting(PasswordHasher<AppUser> inner, CountingPasswordHasher counter) : IPasswordHasher<AppUser>
        {
            public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
