using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.Chunking;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase;

/// <summary>
/// The current tenant's knowledge sources. Saving a source only stores it as pending and queues its indexing;
/// the job extracts, chunks and embeds it. Authorization is on the endpoints.
/// </summary>
public sealed class KnowledgeSourceAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IBackgroundJobManager jobs,
    IKnowledgeIndexWriter indexWriter,
    TimeProvider clock,
    IValidator<CreateTextSourceDto> textValidator,
    IValidator<CreateFaqSourceDto> faqValidator,
    IValidator<CreateUrlSourceDto> urlValidator,
    IValidator<CreatePdfSourceDto> pdfValidator,
    IValidator<UpdateTextSourceDto> updateValidator)
{
    public async Task<IReadOnlyList<KnowledgeSourceDto>> GetListAsync(CancellationToken cancellationToken = default) =>
        await db.KnowledgeSources.AsNoTracking()
            .OrderByDescending(s => s.CreationTime)
            .Select(s => new KnowledgeSourceDto(s.Id, s.Kind, s.Title, s.Origin, s.Language, s.Status, s.FailureReason, s.ChunkCount, s.CreationTime, s.LastModificationTime, s.IndexedTime))
            .ToListAsync(cancellationToken);

    public async Task<KnowledgeSourceDetailsDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        // Projected: the row may carry an uploaded PDF of several megabytes the view doesn't need.
        var source = await db.KnowledgeSources.AsNoTracking()
                         .Where(s => s.Id == id)
                         .Select(s => new
                         {
                             Dto = new KnowledgeSourceDto(s.Id, s.Kind, s.Title, s.Origin, s.Language, s.Status, s.FailureReason, s.ChunkCount, s.CreationTime, s.LastModificationTime, s.IndexedTime),
                             s.Content,
                         })
                         .FirstOrDefaultAsync(cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(KnowledgeSource), id);
        var chunks = await db.KnowledgeChunks.AsNoTracking()
            .Where(c => c.SourceId == id)
            .OrderBy(c => c.Position)
            .Select(c => new KnowledgeChunkDto(c.Id, c.Position, c.Title, c.Text, c.TokenCount))
            .ToListAsync(cancellationToken);
        return new KnowledgeSourceDetailsDto(source.Dto, source.Content, chunks);
    }

    public async Task<KnowledgeSourceDto> CreateTextAsync(CreateTextSourceDto input, CancellationToken cancellationToken = default)
    {
        await textValidator.ValidateAndThrowAsync(input, cancellationToken);
        var source = New(input.IsMarkdown ? KnowledgeSourceKind.Markdown : KnowledgeSourceKind.Text, input.Title, input.Language);
        source.Content = input.Text.Trim();
        return await AddAndQueueAsync(source, cancellationToken);
    }

    public async Task<KnowledgeSourceDto> CreateFaqAsync(CreateFaqSourceDto input, CancellationToken cancellationToken = default)
    {
        await faqValidator.ValidateAndThrowAsync(input, cancellationToken);
        var source = New(KnowledgeSourceKind.Faq, input.Title, input.Language);
        var pairs = string.IsNullOrWhiteSpace(input.Text)
            ? input.Pairs!.Select(p => new FaqPair(p.Question, p.Answer))
            : FaqFormat.Parse(input.Text);
        source.Content = FaqFormat.Format(pairs);
        return await AddAndQueueAsync(source, cancellationToken);
    }

    public async Task<KnowledgeSourceDto> CreateUrlAsync(CreateUrlSourceDto input, CancellationToken cancellationToken = default)
    {
        await urlValidator.ValidateAndThrowAsync(input, cancellationToken);
        var url = input.Url.Trim();
        var source = New(KnowledgeSourceKind.Url, string.IsNullOrWhiteSpace(input.Title) ? TitleFrom(url) : input.Title, input.Language);
        source.Origin = url;
        return await AddAndQueueAsync(source, cancellationToken);
    }

    public async Task<KnowledgeSourceDto> CreatePdfAsync(CreatePdfSourceDto input, CancellationToken cancellationToken = default)
    {
        await pdfValidator.ValidateAndThrowAsync(input, cancellationToken);
        var fileName = Path.GetFileName(input.FileName.Trim());
        var source = New(KnowledgeSourceKind.Pdf, string.IsNullOrWhiteSpace(input.Title) ? TitleFrom(fileName) : input.Title, input.Language);
        source.Origin = fileName;
        source.File = input.Content;
        return await AddAndQueueAsync(source, cancellationToken);
    }

    /// <summary>Edits typed content (text, Markdown, FAQ); pages and PDFs change by re-fetching or uploading again.</summary>
    public async Task<KnowledgeSourceDto> UpdateTextAsync(Guid id, UpdateTextSourceDto input, CancellationToken cancellationToken = default)
    {
        await updateValidator.ValidateAndThrowAsync(input, cancellationToken);
        var source = await FindAsync(id, cancellationToken);
        if (source.Kind is KnowledgeSourceKind.Url or KnowledgeSourceKind.Pdf)
        {
            throw new BusinessException("KnowledgeBase:NotEditable", "Pages and PDFs can't be edited here: re-fetch the page or upload the file again.");
        }

        if (source.Kind == KnowledgeSourceKind.Faq && !KnowledgeSourceRules.HasFaqPairs(input.Text))
        {
            throw new BusinessException("KnowledgeBase:NoFaqPairs", "No question and answer pairs were found: write each as \"Q: …\" on one line and \"A: …\" on the next.");
        }

        source.Title = input.Title.Trim();
        source.Language = input.Language;
        source.Content = source.Kind == KnowledgeSourceKind.Faq ? FaqFormat.Format(FaqFormat.Parse(input.Text)) : input.Text.Trim();
        return await QueueAsync(source, cancellationToken);
    }

    /// <summary>Soft-deletes the source; its passages and their embeddings are removed so search stops using them at once.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var source = await FindAsync(id, cancellationToken);
        db.KnowledgeSources.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
        await indexWriter.RemoveChunksAsync(id, cancellationToken);
    }

    public async Task<KnowledgeSourceDto> RetryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var source = await FindAsync(id, cancellationToken);
        if (source.Status != KnowledgeSourceStatus.Failed)
        {
            throw new BusinessException("KnowledgeBase:NotFailed", "Only a source that failed can be retried.", 409);
        }

        return await QueueAsync(source, cancellationToken);
    }

    public async Task<KnowledgeSourceDto> RefetchAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var source = await FindAsync(id, cancellationToken);
        if (source.Kind != KnowledgeSourceKind.Url)
        {
            throw new BusinessException("KnowledgeBase:NotAUrl", "Only web pages can be fetched again.");
        }

        return await QueueAsync(source, cancellationToken);
    }

    private KnowledgeSource New(KnowledgeSourceKind kind, string title, string language)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "Knowledge sources belong to a business.", 403);
        return new KnowledgeSource(Guid.CreateVersion7(), tenantId, kind, title.Trim(), language);
    }

    private async Task<KnowledgeSourceDto> AddAndQueueAsync(KnowledgeSource source, CancellationToken cancellationToken)
    {
        db.KnowledgeSources.Add(source);
        return await QueueAsync(source, cancellationToken);
    }

    private async Task<KnowledgeSourceDto> QueueAsync(KnowledgeSource source, CancellationToken cancellationToken)
    {
        source.MarkPending(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue(new IngestKnowledgeSourceArgs(source.Id));
        return ToDto(source);
    }

    private async Task<KnowledgeSource> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.KnowledgeSources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(KnowledgeSource), id);

    private static string TitleFrom(string origin) =>
        origin.Length <= KnowledgeSourceConsts.MaxTitleLength ? origin : origin[..KnowledgeSourceConsts.MaxTitleLength];

    private static KnowledgeSourceDto ToDto(KnowledgeSource s) =>
        new(s.Id, s.Kind, s.Title, s.Origin, s.Language, s.Status, s.FailureReason, s.ChunkCount, s.CreationTime, s.LastModificationTime, s.IndexedTime);
}
