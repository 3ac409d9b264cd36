using SmbAgent.KnowledgeBase.Chunking;

namespace SmbAgent.Application.Tests.KnowledgeBase;

public sealed class TextChunkerTests
{
    private static readonly string[] Vocabulary =
        ["bakery", "sourdough", "morning", "delivery", "croissant", "wholegrain", "customers", "weekend", "seasonal", "pastries", "ovens", "flour"];

    [Fact]
    public void Short_text_is_one_chunk_titled_by_the_source()
    {
        var chunks = new TextChunker().Chunk("We open at eight.\n\nParking is behind the shop.", "About us");

        var chunk = chunks.ShouldHaveSingleItem();
        chunk.Title.ShouldBe("About us");
        chunk.Text.ShouldBe("We open at eight.\n\nParking is behind the shop.");
        chunk.TokenCount.ShouldBe(TextChunker.CountTokens(chunk.Text));
    }

    [Fact]
    public void Markdown_headings_start_new_chunks_and_give_them_their_title()
    {
        const string markdown = """
            Welcome to the shop.

            # Opening hours
            Tuesday to Sunday, 8 to 18.

            ## Holidays
            Closed on Christmas day.
            """;

        var chunks = new TextChunker().Chunk(markdown, "Guide");

        chunks.Select(c => c.Title).ShouldBe(["Guide", "Opening hours", "Holidays"]);
        chunks[1].Text.ShouldBe("Opening hours\n\nTuesday to Sunday, 8 to 18.");
        chunks[2].Text.ShouldContain("Closed on Christmas day.");
        chunks[0].Text.ShouldNotContain("#");
    }

    [Fact]
    public void A_heading_without_text_makes_no_chunk()
    {
        var chunks = new TextChunker().Chunk("# Empty\n# Full\nSomething here.", "Doc");

        chunks.ShouldHaveSingleItem().Title.ShouldBe("Full");
    }

    [Fact]
    public void Long_text_is_split_near_the_target_with_overlap_and_never_inside_a_word()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 40).Select(Paragraph));
        var sourceWords = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet();

        var chunks = new TextChunker(targetTokens: 200, overlapTokens: 30).Chunk(text, "Long");

        chunks.Count.ShouldBeGreaterThan(5);
        chunks.ShouldAllBe(c => c.TokenCount <= 200 + 30 && c.TokenCount >= 30);
        chunks.SelectMany(c => c.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ShouldAllBe(w => sourceWords.Contains(w));
        for (var i = 1; i < chunks.Count; i++)
        {
            var previousEnd = string.Join(' ', Words(chunks[i - 1].Text)[^3..]);
            string.Join(' ', Words(chunks[i].Text).Take(30)).ShouldContain(previousEnd, Case.Sensitive, $"chunk {i} should repeat the end of chunk {i - 1}");
        }
    }

    [Fact]
    public void A_paragraph_longer_than_the_target_is_cut_between_words()
    {
        var paragraph = string.Join(' ', Enumerable.Range(0, 600).Select(i => Vocabulary[i % Vocabulary.Length] + i));

        var chunks = new TextChunker(targetTokens: 100, overlapTokens: 10).Chunk(paragraph, "One paragraph");

        chunks.Count.ShouldBeGreaterThan(3);
        chunks.ShouldAllBe(c => c.TokenCount <= 100 + 3, "the overlap is taken out of the piece, not added on top");
        var words = paragraph.Split(' ').ToHashSet();
        chunks.SelectMany(c => Words(c.Text)).ShouldAllBe(w => words.Contains(w));
        chunks[^1].Text.ShouldEndWith(Vocabulary[599 % Vocabulary.Length] + 599);
    }

    [Fact]
    public void Faq_gives_one_chunk_per_pair_titled_by_the_question()
    {
        var pairs = FaqFormat.Parse("""
            Q: Do you deliver?
            A: Yes, within 5 km.
            Orders over 20 euros ship free.

            Q: Are you open on Mondays?
            A: No, we rest on Mondays.
            """);

        var chunks = new TextChunker().ChunkFaq(pairs);

        pairs.Count.ShouldBe(2);
        pairs[0].Answer.ShouldBe("Yes, within 5 km.\nOrders over 20 euros ship free.");
        chunks.Select(c => c.Title).ShouldBe(["Do you deliver?", "Are you open on Mondays?"]);
        chunks[0].Text.ShouldBe("Do you deliver?\n\nYes, within 5 km.\nOrders over 20 euros ship free.");
    }

    [Fact]
    public void Faq_text_without_pairs_parses_to_nothing_and_formatting_round_trips()
    {
        FaqFormat.Parse("Just a sentence.\nAnother one.").ShouldBeEmpty();
        FaqFormat.Parse("Q: Only a question").ShouldBeEmpty();

        var pairs = new[] { new FaqPair("Price?", "Ten euros."), new FaqPair("Where?", "Main street 4.") };
        FaqFormat.Parse(FaqFormat.Format(pairs)).ShouldBe(pairs);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Paragraph(int index) =>
        string.Join(' ', Enumerable.Range(0, 25).Select(i => Vocabulary[(index * 7 + i) % Vocabulary.Length])) + ".";
}
