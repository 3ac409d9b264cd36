using SmbAgent.KnowledgeBase.Extraction;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase;

public sealed class HtmlTextExtractorTests
{
    [Fact]
    public void Scripts_styles_navigation_and_footer_are_dropped_and_headings_kept_as_markdown()
    {
        var page = HtmlTextExtractor.Extract(TestWebServer.AboutPage);

        page.Title.ShouldBe("Bakery");
        page.Text.ShouldContain("# Rosa's Bakery");
        page.Text.ShouldContain("## Opening hours\n\nOpen Tuesday to Sunday, closed on Mondays.");
        page.Text.ShouldContain("We bake sourdough bread every morning from six o'clock.");
        page.Text.ShouldNotContain("secret-script-text");
        page.Text.ShouldNotContain("color:red");
        page.Text.ShouldNotContain("Home | Menu");
        page.Text.ShouldNotContain("footer-text");
    }

    [Fact]
    public void A_page_that_is_only_script_is_refused_with_a_reason()
    {
        var error = Should.Throw<KnowledgeContentException>(() =>
            HtmlTextExtractor.Extract("<html><body><script>" + new string('x', 10_000) + "</script><div id=app></div></body></html>"));

        error.Message.ShouldContain("no readable text");
    }
}
