using System.Text.Json;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.UnitTests.Guardrails;

/// <summary>Which texts the English classifiers read and which requests go to the harm classifier's reader of other languages.</summary>
public sealed class EnglishTextTests
{
    // Written for these tests: plain Latin letters and no more words of the European list than of English's, which read
    // as English to that list.
    [Theory]
    [InlineData("Bagaimana cara membuat kue yang enak untuk ulang tahun ibu saya?")] // Indonesian
    [InlineData("Aku pengin sinau kanggo ujian fisika sesuk, piye carane ngapalke rumus?")] // Javanese
    [InlineData("Tafadhali niambie jinsi ya kufanya mazoezi ya hesabu kwa mtihani.")] // Swahili
    [InlineData("Come faccio a preparare questo esame in una settimana?")] // Italian
    [InlineData("Kannst du mir bei meiner Hausarbeit helfen?")] // German
    [InlineData("¿Puedo entregar mi trabajo tarde si tengo fiebre?")] // Spanish
    [InlineData("Tu peux me donner trois exemples de métaphores ?")] // French
    public void A_request_in_a_language_the_reader_learned_goes_to_it(string text)
    {
        Assert.False(EnglishText.IsEnglishRequest(text));
        Assert.True(EnglishText.IsEnglish(text));
    }

    [Theory]
    [InlineData("Écris un petit poème sur l'automne.")]
    [InlineData("Wie kann ich mein Uni-Konto vor Hackern schützen?")]
    [InlineData("请帮我总结一下第二次世界大战爆发的主要原因。")]
    public void Text_in_another_language_is_not_english(string text)
    {
        Assert.False(EnglishText.IsEnglish(text));
        Assert.False(EnglishText.IsEnglishRequest(text));
    }

    // English that uses a word of those languages' lists is still English.
    [Theory]
    [InlineData("Write a song I can sing at my sister's wedding.")]
    [InlineData("How did Ada Lovelace describe the first program?")]
    [InlineData("What is the difference between Na and Ka in the periodic table?")]
    [InlineData("Is 'ya' acceptable in an informal essay, or should I write 'you'?")]
    [InlineData("Explain the photoelectric effect")]
    [InlineData("Why did the Nazis burn books in 1933?")]
    [InlineData("Is it true that you can die from drinking too much water?")]
    [InlineData("")]
    public void English_is_english(string text)
    {
        Assert.True(EnglishText.IsEnglish(text));
        Assert.True(EnglishText.IsEnglishRequest(text));
    }

    // The reader of other languages' own training file, 479 or 480 rows a language: the European word list takes most
    // Indonesian, Javanese and Swahili rows for English (327, 462, 405) and some Italian, German, Spanish and French ones
    // (79, 39, 27, 23); of those 8, 15, 10, 38, 11, 9 and 10 still reach the English stages.
    [Theory]
    [InlineData("id", 300, 480, 15)]
    [InlineData("jv", 440, 480, 25)]
    [InlineData("sw", 380, 480, 15)]
    [InlineData("it", 60, 100, 45)]
    [InlineData("de", 30, 50, 15)]
    [InlineData("es", 20, 35, 12)]
    [InlineData("fr", 15, 30, 12)]
    public void The_reader_of_other_languages_gets_the_requests_in_the_languages_it_learned(string language, int englishLeast, int englishMost, int englishNow)
    {
        var texts = File.ReadLines(Path.Combine(GuardrailTestKit.SolutionFolder()!, "eval", "train", "harm_languages.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement).Where(r => r.GetProperty("lang").GetString() == language)
            .Select(r => r.GetProperty("text").GetString()!).ToList();

        Assert.InRange(texts.Count, 479, 480);
        Assert.InRange(texts.Count(EnglishText.IsEnglish), englishLeast, englishMost);
        Assert.InRange(texts.Count(EnglishText.IsEnglishRequest), 0, englishNow);
    }

    // The training pool carried in the repository: only requests in other languages change sides (MultiJail's, and a few
    // of AILuminate's French, Open Assistant's and Arena-Hard's); no English row does.
    [Fact]
    public void Of_the_pool_only_requests_in_other_languages_change_sides()
    {
        var moved = File.ReadLines(Path.Combine(GuardrailTestKit.SolutionFolder()!, "eval", "train", "guardrail_pool.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("text").GetString() is { } t && EnglishText.IsEnglish(t) != EnglishText.IsEnglishRequest(t))
            .GroupBy(r => r.GetProperty("source").GetString()!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["ailuminate-demo-fr_fr", "arena-hard/v2.0", "multijail", "oasst/multilingual_60"], moved.Keys.Order());
        Assert.InRange(moved["multijail"], 500, 600);
        Assert.Equal(4, moved["ailuminate-demo-fr_fr"]);
        Assert.Equal(3, moved["arena-hard/v2.0"]);
        Assert.Equal(5, moved["oasst/multilingual_60"]);
    }
}
