using System.Text.Json;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.UnitTests.Guardrails;

/// <summary>Which texts the English classifiers read and which requests go to the harm classifier's reader of other languages.</summary>
public sealed class EnglishTextTests
{
    // Written for these tests: plain Latin letters and no word of English's list, which read as English to the European list.
    [Theory]
    [InlineData("Bagaimana cara membuat kue yang enak untuk ulang tahun ibu saya?")] // Indonesian
    [InlineData("Aku pengin sinau kanggo ujian fisika sesuk, piye carane ngapalke rumus?")] // Javanese
    [InlineData("Tafadhali niambie jinsi ya kufanya mazoezi ya hesabu kwa mtihani.")] // Swahili
    public void A_request_in_indonesian_javanese_or_swahili_goes_to_the_reader_of_other_languages(string text)
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
    [InlineData("")]
    public void English_is_english(string text)
    {
        Assert.True(EnglishText.IsEnglish(text));
        Assert.True(EnglishText.IsEnglishRequest(text));
    }

    // The reader of other languages' own training file, 480 rows a language: the European word list took most Indonesian,
    // Javanese and Swahili rows for English (327, 462, 405); now 18, 21 and 11 reach the English stages.
    [Theory]
    [InlineData("id", 300, 25)]
    [InlineData("jv", 440, 25)]
    [InlineData("sw", 380, 25)]
    public void The_reader_of_other_languages_gets_the_requests_in_the_languages_it_learned(string language, int englishBefore, int englishNow)
    {
        var texts = File.ReadLines(Path.Combine(GuardrailTestKit.SolutionFolder()!, "eval", "train", "harm_languages.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement).Where(r => r.GetProperty("lang").GetString() == language)
            .Select(r => r.GetProperty("text").GetString()!).ToList();

        Assert.Equal(480, texts.Count);
        Assert.InRange(texts.Count(EnglishText.IsEnglish), englishBefore, 480);
        Assert.InRange(texts.Count(EnglishText.IsEnglishRequest), 0, englishNow);
    }

    // The training pool carried in the repository: only MultiJail's requests (and two of Arena-Hard's, Indonesian and
    // Chinese with code) change sides; no English row does.
    [Fact]
    public void Of_the_pool_only_requests_in_those_languages_change_sides()
    {
        var moved = File.ReadLines(Path.Combine(GuardrailTestKit.SolutionFolder()!, "eval", "train", "guardrail_pool.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("text").GetString() is { } t && EnglishText.IsEnglish(t) != EnglishText.IsEnglishRequest(t))
            .GroupBy(r => r.GetProperty("source").GetString()!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["arena-hard/v2.0", "multijail"], moved.Keys.Order());
        Assert.InRange(moved["multijail"], 400, 500);
        Assert.Equal(2, moved["arena-hard/v2.0"]);
    }
}
