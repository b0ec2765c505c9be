using Canopy.Api.Guardrails;

namespace Canopy.UnitTests.Guardrails;

public sealed class HapDetectorTests
{
    private readonly HapDetector _hap = new();

    private Detection? Find(string text) => _hap.Detect(text, GuardrailStage.Input).SingleOrDefault();

    [Theory]
    [InlineData("I hate immigrants.", "hate")]
    [InlineData("Muslims are vermin.", "hate")]
    [InlineData("I want to kill all disabled people.", "threat")]
    [InlineData("I h4te w0men.", "hate")]
    [InlineData("I haaaate gay people.", "hate")]
    [InlineData("I h-a-t-e trans people.", "hate")]
    [InlineData("I feel nothing but contmpt for immigrants.", "hate")]
    public void Hostility_against_a_group_is_blocked_even_when_obfuscated(string text, string category)
    {
        var found = Find(text);
        Assert.NotNull(found);
        Assert.Equal((category, GuardrailAction.Block), (found.Category, found.Action));
    }

    [Theory]
    [InlineData("Let me be clear: I don't hate immigrants.")]
    [InlineData("If you say \"I hate women\", then you are a bigot!")]
    [InlineData("I love women.")]
    [InlineData("My Labrador bitch gave birth to three puppies today.")]
    [InlineData("White blood cells kill bacteria that enter the body.")]
    [InlineData("Why did the Nazis murder Jews during the Holocaust?")]
    public void Negation_counter_speech_homonyms_and_history_pass(string text) =>
        Assert.NotEqual(GuardrailAction.Block, Find(text)?.Action);

    [Fact]
    public void Profanity_without_a_target_is_only_flagged()
    {
        var found = Find("This fucking exam is hard.");
        Assert.Equal(("profanity", GuardrailAction.Flag), (found?.Category, found?.Action));
    }

    [Fact]
    public void Word_boundaries_keep_innocent_words_clean() =>
        Assert.Null(Find("Scunthorpe and Penistone are towns; classic assessments follow."));
}
