using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.EntityFrameworkCore.Interceptors;
using SmbAgent.Identity;
using SmbAgent.Leads;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.EntityFrameworkCore.Tests.Tenancy;

/// <summary>The three walls: query filters, the write guard, and row-level security under raw SQL.</summary>
public sealed class TenantWallTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task Tenant_A_reads_only_its_own_rows_through_EF()
    {
        var (a, b) = await TwoTenantsWithQuestionsAsync();

        var seen = await fixture.InTenantAsync(a.Tenant, sp => Db(sp).LeadQuestions.Select(q => new { q.Id, q.TenantId }).ToListAsync());
        var found = await fixture.InTenantAsync(a.Tenant, sp => Db(sp).LeadQuestions.FirstOrDefaultAsync(q => q.Id == b.Question));
        var foundById = await fixture.InTenantAsync(a.Tenant, async sp => await Db(sp).LeadQuestions.FindAsync(b.Question));

        seen.ShouldContain(q => q.Id == a.Question);
        seen.ShouldAllBe(q => q.TenantId == a.Tenant);
        found.ShouldBeNull();
        foundById.ShouldBeNull();
    }

    [Fact]
    public async Task Tenant_A_cannot_update_or_delete_B_rows()
    {
        var (a, b) = await TwoTenantsWithQuestionsAsync();
        var bQuestion = await fixture.InTenantAsync(b.Tenant, sp => Db(sp).LeadQuestions.AsNoTracking().SingleAsync(q => q.Id == b.Question));
        var originalText = bQuestion.Text;

        await fixture.InTenantAsync(a.Tenant, async sp =>
        {
            var db = Db(sp);
            db.Attach(bQuestion).Property(q => q.Text).CurrentValue = "hijacked";
            await Should.ThrowAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        });
        await fixture.InTenantAsync(a.Tenant, async sp =>
        {
            var db = Db(sp);
            db.LeadQuestions.Remove(db.Attach(bQuestion).Entity);
            await Should.ThrowAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        });
        var updated = await fixture.InTenantAsync(a.Tenant, sp =>
            Db(sp).LeadQuestions.Where(q => q.Id == b.Question).ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, "hijacked")));
        var deleted = await fixture.InTenantAsync(a.Tenant, sp =>
            Db(sp).LeadQuestions.IgnoreQueryFilters([SmbAgentDbContext.TenantFilter]).Where(q => q.Id == b.Question).ExecuteDeleteAsync());

        updated.ShouldBe(0);
        deleted.ShouldBe(0, "row-level security hides B's row even when the EF filter is ignored");
        var after = await fixture.InTenantAsync(b.Tenant, sp => Db(sp).LeadQuestions.AsNoTracking().SingleAsync(q => q.Id == b.Question));
        after.Text.ShouldBe(originalText);
    }

    [Fact]
    public async Task A_write_that_names_another_tenant_is_refused_by_the_guard_and_by_the_database()
    {
        var (a, b) = await TwoTenantsWithQuestionsAsync();
        var bCountBefore = await fixture.InTenantAsync(b.Tenant, sp => Db(sp).LeadQuestions.CountAsync());

        await fixture.InTenantAsync(a.Tenant, async sp =>
        {
            var db = Db(sp);
            db.LeadQuestions.Add(new LeadQuestion(Guid.NewGuid(), b.Tenant, "planted", LeadQuestionFormat.Text, 9));
            await Should.ThrowAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        });
        var rls = await fixture.InTenantAsync(a.Tenant, sp => Should.ThrowAsync<PostgresException>(() =>
            Db(sp).Database.ExecuteSqlAsync($"""
                INSERT INTO lead_questions (id, tenant_id, text, format, options, is_required, maps_to, is_essential_for_emergency, position, is_deleted, creation_time)
                VALUES ({Guid.NewGuid()}, {b.Tenant}, 'planted', 0, ARRAY[]::text[], false, 0, false, 9, false, now())
                """)));

        rls.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, rls.MessageText);
        var bCount = await fixture.InTenantAsync(b.Tenant, sp => Db(sp).LeadQuestions.CountAsync());
        bCount.ShouldBe(bCountBefore);
    }

    [Fact]
    public async Task A_new_row_gets_the_current_tenant_and_a_tenant_row_cannot_be_written_from_the_host()
    {
        var tenant = await fixture.CreateTenantAsync();

        var stamped = await fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var db = Db(sp);
            var question = new LeadQuestion(Guid.NewGuid(), Guid.Empty, "stamped?", LeadQuestionFormat.Text, 0);
            db.LeadQuestions.Add(question);
            await db.SaveChangesAsync();
            return question.TenantId;
        });
        await fixture.InTenantAsync(null, async sp =>
        {
            var db = Db(sp);
            db.LeadQuestions.Add(new LeadQuestion(Guid.NewGuid(), Guid.Empty, "orphan", LeadQuestionFormat.Text, 0));
            await Should.ThrowAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        });

        stamped.ShouldBe(tenant.Id);
    }

    [Fact]
    public async Task Raw_SQL_under_A_sees_none_of_B_rows()
    {
        var (a, b) = await TwoTenantsWithQuestionsAsync();

        var viaEf = await fixture.InTenantAsync(a.Tenant, sp =>
            Db(sp).Database.SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM lead_questions").ToListAsync());
        var users = await fixture.InTenantAsync(a.Tenant, sp =>
            Db(sp).Database.SqlQuery<Guid?>($"SELECT tenant_id AS \"Value\" FROM users").ToListAsync());

        viaEf.ShouldAllBe(t => t == a.Tenant);
        viaEf.ShouldNotBeEmpty();
        users.ShouldAllBe(t => t == a.Tenant);

        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync();
        (await CountAsync(connection, "SELECT count(*) FROM lead_questions")).ShouldBe(0, "a session that names no tenant sees no tenant rows");
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{a.Tenant}', false)", connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        (await CountAsync(connection, $"SELECT count(*) FROM lead_questions WHERE tenant_id = '{b.Tenant}'")).ShouldBe(0);
        (await CountAsync(connection, $"SELECT count(*) FROM lead_questions WHERE tenant_id = '{a.Tenant}'")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_application_role_neither_owns_the_tables_nor_bypasses_row_level_security()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync();

        (await CountAsync(connection, "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND (rolbypassrls OR rolsuper)")).ShouldBe(0);
        (await CountAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")).ShouldBe(0);
        (await CountAsync(connection, """
            SELECT count(*) FROM pg_class
            WHERE relname IN ('lead_questions', 'usage_counters', 'users', 'roles', 'user_roles', 'role_claims')
              AND relrowsecurity AND relforcerowsecurity
            """)).ShouldBe(6);
    }

    /// <summary>Derived from the model, so a new tenant entity whose migration forgets row-level security fails here.</summary>
    [Fact]
    public async Task Every_table_of_a_tenant_entity_forces_row_level_security()
    {
        var tables = await fixture.InTenantAsync(null, sp => Task.FromResult(Db(sp).Model.GetEntityTypes()
            .Where(e => typeof(IMultiTenant).IsAssignableFrom(e.ClrType) && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!)
            .Distinct()
            .ToList()));
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT relname FROM pg_class WHERE relname = ANY(@tables) AND relrowsecurity AND relforcerowsecurity", connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        var protectedTables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                protectedTables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain("conversations");
        tables.Except(protectedTables).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_host_scope_sees_host_data_only_unless_host_code_disables_the_filter()
    {
        var (a, b) = await TwoTenantsWithQuestionsAsync();

        var hostQuestions = await fixture.InTenantAsync(null, sp => Db(sp).LeadQuestions.CountAsync());
        var hostUsers = await fixture.InTenantAsync(null, sp => Db(sp).Users.Select(u => u.TenantId).ToListAsync());
        var hostRaw = await fixture.InTenantAsync(null, sp =>
            Db(sp).Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM lead_questions").SingleAsync());
        var expected = await fixture.InTenantAsync(a.Tenant, sp => Db(sp).LeadQuestions.CountAsync())
                       + await fixture.InTenantAsync(b.Tenant, sp => Db(sp).LeadQuestions.CountAsync());
        var withFilterDisabled = await fixture.InTenantAsync(null, async sp =>
        {
            using (sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
            {
                return await Db(sp).LeadQuestions.Where(q => q.TenantId == a.Tenant || q.TenantId == b.Tenant).CountAsync();
            }
        });

        hostQuestions.ShouldBe(0);
        hostRaw.ShouldBe(0);
        hostUsers.ShouldAllBe(t => t == null);
        hostUsers.ShouldNotBeEmpty();
        withFilterDisabled.ShouldBe(expected);
        expected.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Changing_tenant_while_the_connection_stays_open_moves_the_database_session_too()
    {
        var (a, b) = await TwoTenantsWithQuestionsAsync();
        var currentTenant = fixture.Services.GetRequiredService<ICurrentTenant>();

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = Db(scope.ServiceProvider);
        await db.Database.OpenConnectionAsync();
        List<Guid> seenByA, seenByB;
        using (currentTenant.Change(a.Tenant))
        {
            seenByA = await db.Database.SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM lead_questions").ToListAsync();
        }

        using (currentTenant.Change(b.Tenant))
        {
            seenByB = await db.Database.SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM lead_questions").ToListAsync();
        }

        seenByA.ShouldNotBeEmpty();
        seenByA.ShouldAllBe(t => t == a.Tenant);
        seenByB.ShouldNotBeEmpty();
        seenByB.ShouldAllBe(t => t == b.Tenant);
    }

    [Fact]
    public async Task A_rolled_back_transaction_does_not_leave_the_session_on_a_stale_tenant()
    {
        var (a, b) = await TwoTenantsWithQuestionsAsync();
        var currentTenant = fixture.Services.GetRequiredService<ICurrentTenant>();

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = Db(scope.ServiceProvider);
        await db.Database.OpenConnectionAsync();
        using (currentTenant.Change(a.Tenant))
        {
            await db.LeadQuestions.CountAsync();
        }

        using (currentTenant.Change(b.Tenant))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.LeadQuestions.CountAsync();
            await transaction.RollbackAsync();
            var afterRollback = await db.Database.SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM lead_questions").ToListAsync();
            afterRollback.ShouldNotBeEmpty();
            afterRollback.ShouldAllBe(t => t == b.Tenant);
        }
    }

    [Fact]
    public async Task Deleting_a_soft_deletable_row_hides_it_but_keeps_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        var id = await AddQuestionAsync(tenant.Id, "to delete");

        await fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var db = Db(sp);
            db.LeadQuestions.Remove(await db.LeadQuestions.SingleAsync(q => q.Id == id));
            await db.SaveChangesAsync();
        });
        var visible = await fixture.InTenantAsync(tenant.Id, sp => Db(sp).LeadQuestions.AnyAsync(q => q.Id == id));
        var kept = await fixture.InTenantAsync(tenant.Id, sp =>
            Db(sp).LeadQuestions.IgnoreQueryFilters([SmbAgentDbContext.SoftDeleteFilter]).SingleAsync(q => q.Id == id));

        visible.ShouldBeFalse();
        kept.IsDeleted.ShouldBeTrue();
        kept.DeletionTime.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_same_user_name_can_exist_in_two_tenants_but_not_twice_in_one()
    {
        const string email = "same.person@example.com";
        var a = await fixture.CreateTenantAsync(ownerEmail: email);
        var b = await fixture.CreateTenantAsync(ownerEmail: email);

        var foundInA = await fixture.InTenantAsync(a.Id, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByEmailAsync(email));
        var foundInB = await fixture.InTenantAsync(b.Id, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync(email));
        var duplicate = await fixture.InTenantAsync(a.Id, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>()
            .CreateAsync(new AppUser(Guid.NewGuid(), a.Id, email, email), Passwords.New()));

        foundInA!.TenantId.ShouldBe(a.Id);
        foundInB!.TenantId.ShouldBe(b.Id);
        foundInA.Id.ShouldNotBe(foundInB.Id);
        duplicate.Succeeded.ShouldBeFalse();
        duplicate.Errors.Select(e => e.Code).ShouldContain("DuplicateUserName");
    }

    private async Task<((Guid Tenant, Guid Question) A, (Guid Tenant, Guid Question) B)> TwoTenantsWithQuestionsAsync()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        return ((a.Id, await AddQuestionAsync(a.Id, "What's your name?")), (b.Id, await AddQuestionAsync(b.Id, "What's your name?")));
    }

    private Task<Guid> AddQuestionAsync(Guid tenantId, string text) =>
        fixture.InTenantAsync(tenantId, async sp =>
        {
            var db = Db(sp);
            var question = new LeadQuestion(Guid.NewGuid(), tenantId, text, LeadQuestionFormat.Text, 0);
            db.LeadQuestions.Add(question);
            await db.SaveChangesAsync();
            return question.Id;
        });

    private static SmbAgentDbContext Db(IServiceProvider services) => services.GetRequiredService<SmbAgentDbContext>();

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
