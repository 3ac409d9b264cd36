using System.Net;
using FluentValidation;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase.Chunking;
using SmbAgent.KnowledgeBase.Extraction;

namespace SmbAgent.KnowledgeBase;

internal static class KnowledgeSourceRules
{
    public static readonly string TooLong = $"The text can't be longer than {KnowledgeSourceConsts.MaxContentLength:N0} characters; split it into several sources.";

    public static IRuleBuilderOptions<T, string?> KnowledgeLanguage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(KnowledgeLanguages.IsSupported)
            .WithMessage($"Choose one of these languages: {string.Join(", ", KnowledgeLanguages.TextSearchConfigurations.Keys)}.");

    public static IRuleBuilderOptions<T, string?> SourceTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(KnowledgeSourceConsts.MaxTitleLength).WithMessage($"The title can't be longer than {KnowledgeSourceConsts.MaxTitleLength} characters.");

    public static IRuleBuilderOptions<T, string?> SourceText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the text the agent may answer from.")
            .MaximumLength(KnowledgeSourceConsts.MaxContentLength).WithMessage(TooLong);

    public static bool HasFaqPairs(string? text) => !string.IsNullOrWhiteSpace(text) && FaqFormat.Parse(text).Count > 0;
}

public sealed class CreateTextSourceDtoValidator : AbstractValidator<CreateTextSourceDto>
{
    public CreateTextSourceDtoValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter a title.").SourceTitle();
        RuleFor(x => x.Language).KnowledgeLanguage();
        RuleFor(x => x.Text).SourceText();
    }
}

public sealed class CreateFaqSourceDtoValidator : AbstractValidator<CreateFaqSourceDto>
{
    public CreateFaqSourceDtoValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter a title.").SourceTitle();
        RuleFor(x => x.Language).KnowledgeLanguage();
        RuleFor(x => x.Pairs).Must(p => p is { Count: > 0 }).When(x => string.IsNullOrWhiteSpace(x.Text))
            .WithMessage("Add at least one question with its answer.");
        RuleForEach(x => x.Pairs).NotNull().WithMessage("Each pair needs a question and an answer.").ChildRules(pair =>
        {
            pair.RuleFor(p => p.Question).NotEmpty().WithMessage("Each question needs text.");
            pair.RuleFor(p => p.Answer).NotEmpty().WithMessage("Each question needs an answer.");
        });
        RuleFor(x => x.Text).Must(KnowledgeSourceRules.HasFaqPairs).When(x => !string.IsNullOrWhiteSpace(x.Text))
            .WithMessage("No question and answer pairs were found: write each as \"Q: …\" on one line and \"A: …\" on the next.")
            .MaximumLength(KnowledgeSourceConsts.MaxContentLength).WithMessage(KnowledgeSourceRules.TooLong);
        RuleFor(x => x.Pairs).Must(p => p!.Sum(q => (q?.Question?.Length ?? 0) + (q?.Answer?.Length ?? 0) + 8) <= KnowledgeSourceConsts.MaxContentLength)
            .When(x => x.Pairs is not null).WithMessage(KnowledgeSourceRules.TooLong);
    }
}

public sealed class CreateUrlSourceDtoValidator : AbstractValidator<CreateUrlSourceDto>
{
    public CreateUrlSourceDtoValidator(IOptions<KnowledgeBaseOptions> options, OwnHostPolicy ownHosts)
    {
        RuleFor(x => x.Title).SourceTitle();
        RuleFor(x => x.Language).KnowledgeLanguage();
        RuleFor(x => x.Url).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the page's address.")
            .MaximumLength(KnowledgeSourceConsts.MaxOriginLength).WithMessage("The address is too long.")
            .Must(u => Uri.TryCreate(u?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("Enter a full web address starting with http:// or https://.")
            // Names are checked when the page is fetched (they can resolve anywhere); an address written out is refused at once.
            .Must(u => IsPublicOrNamedHost(u, options.Value.AllowLoopbackUrls))
            .WithMessage(x => $"The address {HostOf(x.Url)} is not allowed: only public web addresses can be fetched.")
            .Must(u => !ownHosts.IsRefused(new Uri(u.Trim()))).WithMessage(UrlPageFetcher.OwnHostMessage);
    }

    private static string HostOf(string url) => new Uri(url.Trim()).Host.Trim('[', ']');

    private static bool IsPublicOrNamedHost(string url, bool allowLoopback) =>
        !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        || (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? UrlAddressPolicy.IsAllowed(IPAddress.Parse(uri.DnsSafeHost), allowLoopback)
            : allowLoopback || !uri.IsLoopback);
}

public sealed class CreatePdfSourceDtoValidator : AbstractValidator<CreatePdfSourceDto>
{
    public CreatePdfSourceDtoValidator()
    {
        RuleFor(x => x.Title).SourceTitle();
        RuleFor(x => x.Language).KnowledgeLanguage();
        RuleFor(x => x.FileName).NotEmpty().WithMessage("The file needs a name.").MaximumLength(255).WithMessage("The file name is too long.");
        RuleFor(x => x.Content).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a PDF file.")
            .Must(c => c.Length <= KnowledgeSourceConsts.MaxPdfBytes)
            .WithMessage($"The PDF can't be larger than {KnowledgeSourceConsts.MaxPdfBytes / (1024 * 1024)} MB.")
            .Must(PdfTextExtractor.HasPdfSignature).WithMessage("The file is not a PDF. Choose a file saved as PDF.");
    }
}

public sealed class UpdateTextSourceDtoValidator : AbstractValidator<UpdateTextSourceDto>
{
    public UpdateTextSourceDtoValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter a title.").SourceTitle();
        RuleFor(x => x.Language).KnowledgeLanguage();
        RuleFor(x => x.Text).SourceText();
    }
}
