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
}
