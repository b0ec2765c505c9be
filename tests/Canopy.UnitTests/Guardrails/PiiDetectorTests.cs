using Canopy.Api.Guardrails;

namespace Canopy.UnitTests.Guardrails;

public sealed class PiiDetectorTests
{
    private static readonly GuardrailService Guardrails = GuardrailTestKit.Service();

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32", true)]
    [InlineData("gb82west12345698765432", true)]
    [InlineData("GB82 WEST 1234 5698 7654 33", false)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("DE89370400440532013001", false)]
    public void An_iban_must_pass_the_mod_97_check(string iban, bool valid) =>
        Assert.Equal(valid, PiiDetector.IbanChecksum(iban));

    [Theory]
    [InlineData("Server at 2001:db8::8a2e:370:7334 is down", "Server at [ip address removed] is down")]
    [InlineData("Host 6e40:4041:c617:e898:c11:40d2:c669:2eb4 replied", "Host [ip address removed] replied")]
    [InlineData("Ping 10.0.0.255 now", "Ping [ip address removed] now")]
    [InlineData("Call 345-899-3560x4587 today", "Call [phone removed] today")]
    [InlineData("Ring +46 (0)8 928 571 38 please", "Ring [phone removed] please")]
    [InlineData("Number 9498777106 works", "Number [phone removed] works")]
    [InlineData("SSN 514 69 0360 on file", "SSN [ssn removed] on file")]
    public async Task Structured_personal_data_gets_a_typed_placeholder(string text, string expected) =>
        Assert.Equal(expected, (await Guardrails.CheckAsync(text, GuardrailStage.Input)).Text);

    [Theory]
    [InlineData("The lecture starts at 10:15:30 and lasts 90 minutes.")]
    [InlineData("The exam is on 14.12.2026 in room 3.12; version 1.2.3 of the notes applies.")]
    [InlineData("Pi is 3.14159265 and Avogadro's number is 6.022e23.")]
    [InlineData("In 2024, 1,439,323,776 people lived in China.")]
    public async Task Times_dates_versions_and_quantities_are_not_personal_data(string text) =>
        Assert.DoesNotContain((await Guardrails.CheckAsync(text, GuardrailStage.Input)).Detections, d => d.Detector == PiiDetector.DetectorName);

    [Fact]
    public async Task The_redacted_text_and_the_detections_never_contain_the_matched_value()
    {
        var result = await Guardrails.CheckAsync("Write to ada@example.org, IBAN GB82WEST12345698765432.", GuardrailStage.Input);

        Assert.Equal("Write to [email removed], IBAN [iban removed].", result.Text);
        Assert.DoesNotContain(result.Detections, d => d.Category.Contains("ada") || d.Placeholder.Contains("GB82"));
    }
}
