using System.Text;
using FluentValidation;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase;

/// <summary>Sources through the app service and the ingestion job, over the real database with the hashing embedder.</summary>
public sealed class KnowledgeSourceIngestionTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    [Fact]
    public async Task A_text_source_goes_from_pending_through_indexing_to_indexed_with_chunks_and_embeddings()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto
        {
            Title = "About us",
            Text = "We are a family bakery in the old town.\n\nWe bake sourdough every morning.",
        }));
        KnowledgeSourceStatus? statusWhileEmbedding = null;
        fixture.Embeddings.OnGenerate = async () =>
            statusWhileEmbedding = (await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id))).Source.Status;

        try
        {
            await fixture.RunIngestionAsync(owner.TenantId, created.Id);
        }
        finally
        {
            fixture.Embeddings.OnGenerate = null;
        }

        created.Status.ShouldBe(KnowledgeSourceStatus.Pending);
        statusWhileEmbedding.ShouldBe(KnowledgeSourceStatus.Indexing);
        var details = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        details.Source.Status.ShouldBe(KnowledgeSourceStatus.Indexed);
        details.Source.ChunkCount.ShouldBe(1);
        details.Source.IndexedTime.ShouldNotBeNull();
        details.Chunks.ShouldHaveSingleItem().Title.ShouldBe("About us");
        var embeddings = await EmbeddingsOfAsync(owner.TenantId, created.Id);
        embeddings.ShouldHaveSingleItem().Model.ShouldBe("use-lite-512");
        embeddings[0].Dimensions.ShouldBe(512);
        embeddings[0].Embedding.ShouldBe(HashingEmbeddingGenerator.Vector("We are a family bakery in the old town.\n\nWe bake sourdough every morning.".Insert(0, "About us\n\n")));
    }

    [Fact]
    public async Task Creating_a_source_queues_its_ingestion_job_for_the_tenant()
    {
        var owner = await fixture.CreateTenantAsync();

        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto { Title = "Queued", Text = "Queued text." }));

        var queued = fixture.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            .Select(j => j.Value.Job)
            .Where(j => j.Type == typeof(TenantJobRunner) && j.Args[1] is IngestKnowledgeSourceArgs args && args.SourceId == created.Id)
            .ToList();
        queued.ShouldHaveSingleItem().Args[0].ShouldBe(owner.TenantId);
    }

    [Fact]
    public async Task Markdown_is_chunked_by_heading_and_stored_with_the_language_text_search_configuration()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto
        {
            Title = "Guía",
            Language = "es",
            IsMarkdown = true,
            Text = "# Horario\nAbrimos de martes a domingo.\n\n# Entregas\nEntregamos pan en el barrio.",
        }));

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var details = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        details.Source.Kind.ShouldBe(KnowledgeSourceKind.Markdown);
        details.Chunks.Select(c => c.Title).ShouldBe(["Horario", "Entregas"]);
        var configs = await InTenantDbAsync(owner.TenantId, db => db.KnowledgeChunks.Where(c => c.SourceId == created.Id).Select(c => c.TextSearchConfig).Distinct().ToListAsync());
        configs.ShouldBe(["spanish"]);
    }

    [Fact]
    public async Task A_faq_from_pairs_or_from_text_gives_one_chunk_per_question()
    {
        var owner = await fixture.CreateTenantAsync();
        var fromPairs = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateFaqAsync(new CreateFaqSourceDto
        {
            Title = "FAQ",
            Pairs = [new() { Question = "Do you deliver?", Answer = "Yes, within 5 km." }, new() { Question = "Is there parking?", Answer = "Behind the shop." }],
        }));
        var fromText = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateFaqAsync(new CreateFaqSourceDto
        {
            Title = "More FAQ",
            Text = "Q: Do you bake cakes?\nA: Only on weekends.\n\nQ: Can I pay by card?\nA: Yes.\n\nQ: Vegan bread?\nA: Every day.",
        }));

        await fixture.RunIngestionAsync(owner.TenantId, fromPairs.Id);
        await fixture.RunIngestionAsync(owner.TenantId, fromText.Id);

        var pairs = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(fromPairs.Id));
        var text = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(fromText.Id));
        pairs.Chunks.Select(c => c.Title).ShouldBe(["Do you deliver?", "Is there parking?"]);
        pairs.Chunks[0].Text.ShouldBe("Do you deliver?\n\nYes, within 5 km.");
        text.Source.ChunkCount.ShouldBe(3);
        text.Chunks.Select(c => c.Title).ShouldBe(["Do you bake cakes?", "Can I pay by card?", "Vegan bread?"]);
    }

    [Fact]
    public async Task A_url_source_is_fetched_from_the_local_server_cleaned_and_indexed()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateUrlAsync(new CreateUrlSourceDto { Url = fixture.Web.Url("/about").AbsoluteUri }));

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var details = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        details.Source.Status.ShouldBe(KnowledgeSourceStatus.Indexed, details.Source.FailureReason);
        details.Source.Title.ShouldBe("Bakery", "added without a title, the source takes the page's");
        details.Content.ShouldContain("# Rosa's Bakery");
        details.Content.ShouldNotContain("secret-script-text");
        details.Chunks.Select(c => c.Title).ShouldBe(["Rosa's Bakery", "Opening hours"]);
    }

    [Fact]
    public async Task A_pdf_source_is_extracted_and_indexed()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreatePdfAsync(new CreatePdfSourceDto
        {
            FileName = "price-list.pdf",
            Content = TestPdfs.WithLines("Price list", "Sourdough loaf 4 euros", "Croissant 1.50 euros"),
        }));

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var details = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        details.Source.Status.ShouldBe(KnowledgeSourceStatus.Indexed, details.Source.FailureReason);
        details.Source.Title.ShouldBe("price-list.pdf");
        details.Source.Origin.ShouldBe("price-list.pdf");
        details.Content.ShouldContain("Sourdough loaf 4 euros");
        details.Chunks.ShouldHaveSingleItem().Text.ShouldContain("Croissant 1.50 euros");
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_when_added()
    {
        var owner = await fixture.CreateTenantAsync();

        var refused = await Should.ThrowAsync<ValidationException>(fixture.AsTenantAsync(owner.TenantId, s => s.CreatePdfAsync(new CreatePdfSourceDto
        {
            FileName = "menu.pdf",
            Content = Encoding.UTF8.GetBytes("this is a text file pretending to be a PDF"),
        })));

        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("The file is not a PDF. Choose a file saved as PDF.");
    }

    [Fact]
    public async Task A_web_page_added_with_a_title_keeps_it()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateUrlAsync(new CreateUrlSourceDto { Url = fixture.Web.Url("/about").AbsoluteUri, Title = "Our bakery" }));

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        (await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id))).Source.Title.ShouldBe("Our bakery");
    }

    [Fact]
    public async Task A_damaged_pdf_fails_with_a_reason_and_leaves_no_chunks()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreatePdfAsync(new CreatePdfSourceDto
        {
            FileName = "menu.pdf",
            Content = Encoding.UTF8.GetBytes("%PDF-1.7\nthe rest of the file is missing"),
        }));

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var details = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        details.Source.Status.ShouldBe(KnowledgeSourceStatus.Failed);
        details.Source.FailureReason.ShouldBe("The PDF could not be read: it is damaged or protected by a password.");
        details.Chunks.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00::1]/")]
    public async Task A_url_written_as_a_private_address_is_refused_when_added_and_nothing_is_stored(string url)
    {
        var owner = await fixture.CreateTenantAsync();

        var refused = await Should.ThrowAsync<ValidationException>(
            fixture.AsTenantAsync(owner.TenantId, s => s.CreateUrlAsync(new CreateUrlSourceDto { Url = url })));

        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("is not allowed: only public web addresses");
        (await fixture.AsTenantAsync(owner.TenantId, s => s.GetListAsync())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/to-metadata", "169.254.169.254 is not allowed")]
    [InlineData("/huge", "larger than 2048 KB")]
    [InlineData("/scripts-only", "no readable text")]
    [InlineData("/missing", "answered 404")]
    public async Task Bad_pages_fail_with_a_clear_reason(string path, string reason)
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateUrlAsync(new CreateUrlSourceDto { Url = fixture.Web.Url(path).AbsoluteUri }));

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var details = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        details.Source.Status.ShouldBe(KnowledgeSourceStatus.Failed);
        details.Source.FailureReason.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public async Task Running_the_job_again_on_unchanged_content_keeps_the_same_chunks_without_embedding_again()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto { Title = "Same", Text = "Nothing changes here." }));
        await fixture.RunIngestionAsync(owner.TenantId, created.Id);
        var first = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        var calls = fixture.Embeddings.Calls;

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var second = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        fixture.Embeddings.Calls.ShouldBe(calls);
        second.Source.Status.ShouldBe(KnowledgeSourceStatus.Indexed);
        second.Chunks.Select(c => c.Id).ShouldBe(first.Chunks.Select(c => c.Id));
    }

    [Fact]
    public async Task When_the_embedding_service_is_down_the_job_rethrows_for_a_retry_and_the_old_chunks_stay_until_it_succeeds()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto { Title = "Hours", Text = "Open from eight." }));
        await fixture.RunIngestionAsync(owner.TenantId, created.Id);
        await fixture.AsTenantAsync(owner.TenantId, s => s.UpdateTextAsync(created.Id, new UpdateTextSourceDto { Title = "Hours", Text = "Open from nine." }));

        fixture.Embeddings.Failing = true;
        try
        {
            await Should.ThrowAsync<HttpRequestException>(() => fixture.RunIngestionAsync(owner.TenantId, created.Id));
        }
        finally
        {
            fixture.Embeddings.Failing = false;
        }

        var failed = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        failed.Source.Status.ShouldBe(KnowledgeSourceStatus.Failed);
        failed.Source.FailureReason.ShouldNotBeNull().ShouldContain("retried automatically");
        failed.Chunks.ShouldHaveSingleItem().Text.ShouldBe("Open from eight.");

        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var indexed = await fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id));
        indexed.Source.Status.ShouldBe(KnowledgeSourceStatus.Indexed);
        indexed.Chunks.ShouldHaveSingleItem().Text.ShouldBe("Open from nine.");
        (await EmbeddingsOfAsync(owner.TenantId, created.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_source_can_be_retried_and_only_a_failed_one()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateUrlAsync(new CreateUrlSourceDto { Url = fixture.Web.Url("/missing").AbsoluteUri }));
        await Should.ThrowAsync<BusinessException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.RetryAsync(created.Id)));
        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        var retried = await fixture.AsTenantAsync(owner.TenantId, s => s.RetryAsync(created.Id));

        retried.Status.ShouldBe(KnowledgeSourceStatus.Pending);
        retried.FailureReason.ShouldBeNull();
        var refetched = await fixture.AsTenantAsync(owner.TenantId, s => s.RefetchAsync(created.Id));
        refetched.Status.ShouldBe(KnowledgeSourceStatus.Pending);
    }

    [Fact]
    public async Task Deleting_a_source_hides_it_and_removes_its_chunks_and_embeddings()
    {
        var owner = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto { Title = "Gone", Text = "Soon deleted." }));
        await fixture.RunIngestionAsync(owner.TenantId, created.Id);

        await fixture.AsTenantAsync(owner.TenantId, async s =>
        {
            await s.DeleteAsync(created.Id);
            return true;
        });

        var list = await fixture.AsTenantAsync(owner.TenantId, s => s.GetListAsync());
        list.ShouldNotContain(x => x.Id == created.Id);
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.GetAsync(created.Id)));
        (await InTenantDbAsync(owner.TenantId, db => db.KnowledgeChunks.CountAsync(c => c.SourceId == created.Id))).ShouldBe(0);
        (await EmbeddingsOfAsync(owner.TenantId, created.Id)).ShouldBeEmpty();
        var deletedRow = await InTenantDbAsync(owner.TenantId, db => db.KnowledgeSources.IgnoreQueryFilters(["SoftDelete"]).SingleAsync(x => x.Id == created.Id));
        deletedRow.IsDeleted.ShouldBeTrue();
    }

    [Fact]
    public async Task The_list_shows_status_and_counts_and_another_tenant_sees_nothing()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var created = await fixture.AsTenantAsync(a.TenantId, s => s.CreateFaqAsync(new CreateFaqSourceDto { Title = "A's FAQ", Text = "Q: One?\nA: Yes.\nQ: Two?\nA: No." }));
        await fixture.RunIngestionAsync(a.TenantId, created.Id);

        var listA = await fixture.AsTenantAsync(a.TenantId, s => s.GetListAsync());
        var listB = await fixture.AsTenantAsync(b.TenantId, s => s.GetListAsync());

        listA.ShouldHaveSingleItem().ChunkCount.ShouldBe(2);
        listA[0].Status.ShouldBe(KnowledgeSourceStatus.Indexed);
        listB.ShouldBeEmpty();
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.AsTenantAsync(b.TenantId, s => s.GetAsync(created.Id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.AsTenantAsync(b.TenantId, s => s.RetryAsync(created.Id)));
    }

    [Fact]
    public async Task Empty_or_huge_text_and_bad_input_are_refused_with_clear_messages()
    {
        var owner = await fixture.CreateTenantAsync();

        var empty = await Should.ThrowAsync<ValidationException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto { Title = "Empty", Text = "   " })));
        var huge = await Should.ThrowAsync<ValidationException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto { Title = "Huge", Text = new string('a', 200_001) })));
        var language = await Should.ThrowAsync<ValidationException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto { Title = "Lang", Text = "Hi", Language = "xx" })));
        var faq = await Should.ThrowAsync<ValidationException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.CreateFaqAsync(new CreateFaqSourceDto { Title = "FAQ", Text = "no pairs here" })));
        var url = await Should.ThrowAsync<ValidationException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.CreateUrlAsync(new CreateUrlSourceDto { Url = "javascript:alert(1)" })));
        var pdf = await Should.ThrowAsync<ValidationException>(() => fixture.AsTenantAsync(owner.TenantId, s => s.CreatePdfAsync(new CreatePdfSourceDto { FileName = "big.pdf", Content = new byte[(10 * 1024 * 1024) + 1] })));

        empty.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Enter the text the agent may answer from.");
        huge.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("The text can't be longer than 200,000 characters; split it into several sources.");
        language.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(CreateTextSourceDto.Language));
        faq.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("No question and answer pairs were found");
        url.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Enter a full web address starting with http:// or https://.");
        pdf.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("The PDF can't be larger than 10 MB.");
        (await fixture.AsTenantAsync(owner.TenantId, s => s.GetListAsync())).ShouldBeEmpty();
    }

    private async Task<List<ChunkEmbedding>> EmbeddingsOfAsync(Guid tenantId, Guid sourceId) =>
        await InTenantDbAsync(tenantId, db => db.ChunkEmbeddings
            .Where(e => db.KnowledgeChunks.Any(c => c.Id == e.ChunkId && c.SourceId == sourceId))
            .ToListAsync());

    private async Task<T> InTenantDbAsync<T>(Guid tenantId, Func<ISmbAgentDbContext, Task<T>> query)
    {
        using var tenant = fixture.Services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = fixture.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>());
    }
}
