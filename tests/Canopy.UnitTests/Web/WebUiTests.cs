using System.Text;
using System.Text.RegularExpressions;
using Canopy.Contracts.Chat;
using Canopy.Web.Chat;

namespace Canopy.UnitTests.Web;

public sealed class WebUiTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script> hello")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">x</a>")]
    public void Answers_cannot_carry_script(string markdown)
    {
        var html = _renderer.Render(markdown, "src-t");

        // Escaped text (&lt;script&gt;) is harmless; what must not survive is a real tag or attribute.
        Assert.DoesNotMatch(new Regex("<script", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<[^>]*\son\w+\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<[^>]*href\s*=\s*""?\s*javascript:", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<img", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public void Citations_link_to_their_source_cards_and_markdown_is_rendered()
    {
        var html = _renderer.Render("**Bell states** are entangled [2].\n\n> quoted [1]", "src-ab12");

        Assert.Contains("<strong>Bell states</strong>", html);
        Assert.Contains("<a class=\"cite\" href=\"#src-ab12-2\">[2]</a>", html);
        Assert.Contains("href=\"#src-ab12-1\"", html);
    }

    [Fact]
    public void Trace_links_fill_the_template_with_the_trace_id()
    {
        var options = new ChatUiOptions { TraceUrlTemplate = "http://localhost:15080/traces/detail/{traceId}" };
        Assert.Equal("http://localhost:15080/traces/detail/abc123", options.TraceUrl("abc123"));
        Assert.Null(new ChatUiOptions().TraceUrl("abc123"));
        Assert.Null(options.TraceUrl(null));
    }

    [Fact]
    public void Events_fill_the_turn_in_order()
    {
        var turn = new ChatTurnView("What is a Bell state?");
        ChatSession.Apply(turn, Event("start", """{"traceId":"t1","conversationId":"c","feature":"information-search","provider":"extractive","model":"extractive","extractive":true,"notice":null}"""));
        ChatSession.Apply(turn, Event("sources", """{"sources":[{"index":1,"documentId":"d","title":"Notes","source":"corpus/d.md","headingPath":"Notes > Bell","text":"t","score":0.1}]}"""));
        ChatSession.Apply(turn, Event("delta", """{"delta":"A Bell "}"""));
        ChatSession.Apply(turn, Event("delta", """{"delta":"state [1]"}"""));
        ChatSession.Apply(turn, Event("done", """{"finishReason":"stop","usage":{"inputTokens":5,"outputTokens":3},"timings":{"totalMs":12}}"""));

        Assert.Equal(("t1", true, "A Bell state [1]", TurnStatus.Done), (turn.TraceId, turn.Extractive, turn.Answer, turn.Status));
        Assert.Equal("Notes", Assert.Single(turn.Sources).Title);
    }

    [Fact]
    public void A_block_shows_its_category_and_a_redaction_is_noted()
    {
        var turn = new ChatTurnView("x");
        ChatSession.Apply(turn, Event("guardrail", """{"stage":"input","decision":"redact","categories":["email"],"text":"I am [email removed]"}"""));
        ChatSession.Apply(turn, Event("blocked", """{"stage":"input","category":"jailbreak","message":"Your request was blocked by our safety guardrails."}"""));

        Assert.Equal(TurnStatus.Blocked, turn.Status);
        Assert.Equal("jailbreak", turn.Blocked!.Category);
        Assert.Equal("I am [email removed]", turn.Question);
        Assert.Contains("email", turn.RedactionNote);
    }

    private static ChatEvent Event(string type, string json) => ChatEventStream.Parse(type, Encoding.UTF8.GetBytes(json))!;
}
