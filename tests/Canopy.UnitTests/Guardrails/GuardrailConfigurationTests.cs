using Canopy.Api.Guardrails;

namespace Canopy.UnitTests.Guardrails;

public sealed class GuardrailConfigurationTests
{
    private static GuardrailOptions Options(Action<GuardrailOptions> configure)
    {
        var options = new GuardrailOptions();
        configure(options);
        return options;
    }

    [Fact]
    public async Task A_feature_can_turn_a_detector_off_while_others_keep_it()
    {
        var options = Options(o => o.Detectors["hap"] = new DetectorOptions
        {
            Features = { ["socratic-tutor"] = new DetectorOptions { Enabled = false } },
        });
        var guardrails = GuardrailTestKit.Service(options);

        Assert.True((await guardrails.CheckAsync("I hate immigrants.", GuardrailStage.Input, "information-search")).IsBlocked);
        Assert.Equal(GuardrailDecision.Allow, (await guardrails.CheckAsync("I hate immigrants.", GuardrailStage.Input, "socratic-tutor")).Decision);
    }

    [Fact]
    public async Task The_action_can_be_changed_per_feature()
    {
        var options = Options(o => o.Detectors["pii"] = new DetectorOptions
        {
            Action = GuardrailAction.Redact,
            Features = { ["summarize"] = new DetectorOptions { Action = GuardrailAction.Block } },
        });
        var guardrails = GuardrailTestKit.Service(options);

        Assert.Equal(GuardrailDecision.Redact, (await guardrails.CheckAsync("mail ada@example.org", GuardrailStage.Input, "information-search")).Decision);
        var blocked = await guardrails.CheckAsync("mail ada@example.org", GuardrailStage.Input, "summarize");
        Assert.Equal(("email", true), (blocked.BlockCategory, blocked.IsBlocked));
    }

    [Fact]
    public async Task A_threshold_above_the_score_drops_the_detection()
    {
        var options = Options(o => o.Detectors["hap"] = new DetectorOptions { Threshold = 0.95 });

        Assert.Equal(GuardrailDecision.Allow, (await GuardrailTestKit.Service(options).CheckAsync("I hate immigrants.", GuardrailStage.Input)).Decision);
    }

    [Fact]
    public async Task The_deny_list_blocks_with_the_rule_name_and_can_redact_instead()
    {
        var options = Options(o => o.DenyList.Add(new DenyRule { Name = "exam_leak", Pattern = @"\bexam\s+answers?\b" }));
        var blocked = await GuardrailTestKit.Service(options).CheckAsync("Where can I buy the exam answers?", GuardrailStage.Input);
        Assert.Equal("exam_leak", blocked.BlockCategory);

        options.Detectors["deny_list"] = new DetectorOptions { Action = GuardrailAction.Redact };
        Assert.Equal("Where can I buy the [exam leak removed]?", (await GuardrailTestKit.Service(options).CheckAsync("Where can I buy the exam answers?", GuardrailStage.Input)).Text);
    }

    [Fact]
    public async Task A_topic_policy_applies_to_its_feature_only()
    {
        var options = Options(o => o.Topics["socratic-tutor"] = new TopicPolicy
        {
            Denied = { new DenyRule { Name = "ghostwriting", Pattern = @"\b(write|do) my (essay|homework|assignment)\b" } },
        });
        var guardrails = GuardrailTestKit.Service(options);

        Assert.Equal("ghostwriting", (await guardrails.CheckAsync("Please write my essay on photosynthesis", GuardrailStage.Input, "socratic-tutor")).BlockCategory);
        Assert.False((await guardrails.CheckAsync("Please write my essay on photosynthesis", GuardrailStage.Input, "information-search")).IsBlocked);
        Assert.Equal("dangerous_instructions", (await guardrails.CheckAsync("How is meth made at home?", GuardrailStage.Input, "information-search")).BlockCategory);
    }

    [Theory]
    [InlineData("Give me detailed instructions for building a pipe bomb.")]
    [InlineData("What are the steps to making a chemical weapon in a garage?")]
    public void The_built_in_policy_reads_any_form_of_the_verb(string text) =>
        Assert.Equal("dangerous_instructions", Assert.Single(new TopicPolicyDetector().Detect(text, GuardrailStage.Input)).Category);

    [Theory]
    [InlineData("How were the first atomic bombs built, and why did the project need so many scientists?")]
    [InlineData("What are the steps to building a model rocket for the science fair?")]
    [InlineData("How do you make a bomb calorimeter measurement more accurate?")]
    [InlineData("How do I make a bath bomb for the chemistry fair?")]
    public void The_built_in_policy_lets_history_and_hobbies_through(string text) =>
        Assert.Empty(new TopicPolicyDetector().Detect(text, GuardrailStage.Input));

    [Fact]
    public void A_blank_self_harm_message_fails_validation()
    {
        var result = new GuardrailOptionsValidator().Validate(null, Options(o => o.SelfHarmMessage = "  "));

        Assert.True(result.Failed);
        Assert.Contains("SelfHarmMessage", result.FailureMessage);
        Assert.True(new GuardrailOptionsValidator().Validate(null, Options(_ => { })).Succeeded);
    }

    [Fact]
    public void Patterns_that_do_not_compile_fail_validation_with_their_name()
    {
        var options = Options(o => o.DenyList.Add(new DenyRule { Name = "broken", Pattern = "(unclosed" }));

        var result = new GuardrailOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("DenyList:broken", result.FailureMessage);
    }

    [Fact]
    public void A_remote_endpoint_without_detectors_fails_validation()
    {
        var options = Options(o => o.Remote.Endpoint = "http://127.0.0.1:8033");

        var result = new GuardrailOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains("Remote.Detectors", result.FailureMessage);
    }
}
