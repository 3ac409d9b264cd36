using SmbAgent.KnowledgeBase;

namespace SmbAgent.Application.Tests.KnowledgeBase.Search;

/// <summary>Hybrid search over the real database: vectors from the hashing embedder, PostgreSQL full text, RLS on.</summary>
public sealed class HybridKnowledgeSearchTests(KnowledgeSearchFixture fixture) : IClassFixture<KnowledgeSearchFixture>
{
    [Fact]
    public async Task The_passage_sharing_the_questions_words_ranks_first_with_its_citation_and_scores()
    {
        var owner = await fixture.CreateTenantAsync();
        var sourceId = await fixture.AddIndexedAsync(owner.TenantId, s => s.CreateFaqAsync(new CreateFaqSourceDto
        {
            Title = "Bakery FAQ",
            Pairs =
            [
                new() { Question = "Do you deliver bread?", Answer = "Yes, we deliver bread within 5 km every morning." },
                new() { Question = "Is there parking?", Answer = "Free parking behind the shop." },
                new() { Question = "Do you bake gluten free cakes?", Answer = "Only on Fridays, to order." },
            ],
        }));

        var result = await fixture.SearchAsync(owner.TenantId, "Is there free parking behind the shop?");

        result.Found.ShouldBeTrue();
        var first = result.Passages[0];
        first.Citation.ShouldBe("Is there parking?");
        first.SourceId.ShouldBe(sourceId);
        first.SourceTitle.ShouldBe("Bakery FAQ");
        first.Link.ShouldBeNull();
        first.Text.ShouldContain("Free parking behind the shop.");
        first.VectorSimilarity!.Value.ShouldBeGreaterThan(KnowledgeSearchFixture.MinSimilarity);
        first.TextRank!.Value.ShouldBeGreaterThan(0);
        result.Passages.Select(p => p.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Full_text_finds_an_exact_keyword_the_vectors_miss_and_fusion_keeps_it()
    {
        var owner = await fixture.CreateTenantAsync();
        foreach (var product in new[] { "toaster", "kettle", "grill" })
        {
            await fixture.AddIndexedAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto
            {
                Title = $"What is the warranty on the {product}?",
                Text = $"What is the warranty on the {product}? The warranty on the {product} is what it is.",
            }));
        }

        var manualId = await fixture.AddIndexedAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto
        {
            Title = "Blender manual",
            Text = "Cleaning, assembly and safety instructions for our kitchen appliances. Rinse jugs after use, dry blades "
                   + "carefully, never immerse motors. Model XQ7 carries a two year warranty covering motor faults.",
        }));

        var result = await fixture.SearchAsync(owner.TenantId, "What is the warranty on the XQ7?", top: 3);

        var manual = result.Passages.Where(p => p.SourceId == manualId).ShouldHaveSingleItem();
        manual.VectorSimilarity.ShouldBeNull("the three vector candidates are the look-alike questions");
        manual.TextRank!.Value.ShouldBeGreaterThan(0);
        result.Passages.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_question_below_the_similarity_threshold_is_not_found_but_its_passages_are_still_returned()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.AddIndexedAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto
        {
            Title = "Opening hours",
            Text = "We open Tuesday to Sunday from eight until six.",
        }));

        var result = await fixture.SearchAsync(owner.TenantId, "Can zebras play quantum harps?");

        result.Found.ShouldBeFalse();
        result.Passages.ShouldNotBeEmpty();
        result.Passages.ShouldAllBe(p => p.VectorSimilarity < KnowledgeSearchFixture.MinSimilarity);
    }

    [Fact]
    public async Task An_identical_source_in_another_tenant_is_never_returned()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var input = new CreateTextSourceDto { Title = "Returns", Text = "Unworn shoes can be returned within thirty days with the receipt." };
        var sourceA = await fixture.AddIndexedAsync(a.TenantId, s => s.CreateTextAsync(input));
        var sourceB = await fixture.AddIndexedAsync(b.TenantId, s => s.CreateTextAsync(input));

        var forA = await fixture.SearchAsync(a.TenantId, "Can shoes be returned within thirty days?");
        var forB = await fixture.SearchAsync(b.TenantId, "Can shoes be returned within thirty days?");

        forA.Passages.ShouldHaveSingleItem().SourceId.ShouldBe(sourceA);
        forB.Passages.ShouldHaveSingleItem().SourceId.ShouldBe(sourceB);
    }

    [Fact]
    public async Task A_spanish_question_finds_spanish_text_through_stemming()
    {
        var owner = await fixture.CreateTenantAsync();
        var sourceId = await fixture.AddIndexedAsync(owner.TenantId, s => s.CreateTextAsync(new CreateTextSourceDto
        {
            Title = "Servicio",
            Language = "es",
            Text = "Entregamos pan fresco en el barrio todas las mañanas.",
        }));

        var result = await fixture.SearchAsync(owner.TenantId, "¿Entregan panes?");

        var passage = result.Passages.ShouldHaveSingleItem();
        passage.SourceId.ShouldBe(sourceId);
        passage.TextRank!.Value.ShouldBeGreaterThan(0, "'entregan' and 'panes' only meet 'entregamos' and 'pan' after Spanish stemming");
    }
}
