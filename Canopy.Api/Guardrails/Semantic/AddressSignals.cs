using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// Whether a piece of text speaks to the reader as an agent: to "you", about the model or its instructions, with an
/// action to carry out, with urgency. Course material speaks to students too, so these count in contrast with the
/// rest of the passage (<see cref="PassageFeatures"/>).
/// </summary>
public static partial class AddressSignals
{
    public static readonly string[] Names = ["second_person", "mentions_model", "override_words", "action_first", "obligation", "urgency"];

    public static int Count => Names.Length;

    public static void Write(string text, Span<float> into)
    {
        var lower = TextNormalizer.Fold(text).ToLowerInvariant();
        var words = Math.Max(1, Word().Count(lower));
        into[0] = MathF.Min(1, SecondPerson().Count(lower) * 5f / words);
        into[1] = Model().IsMatch(lower) ? 1 : 0;
        into[2] = Override().IsMatch(lower) ? 1 : 0;
        into[3] = ActionFirst().IsMatch(lower) ? 1 : 0;
        into[4] = Obligation().IsMatch(lower) ? 1 : 0;
        int upper = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        into[5] = (text.Contains("!!", StringComparison.Ordinal) ? 0.5f : 0) + (letters > 8 && upper * 2 > letters ? 0.5f : 0);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(you|your|yours|yourself)\b")]
    private static partial Regex SecondPerson();

    // A teaching or research assistant, an assistant professor or director, is a person's post, not the model; and a
    // model alone is a course's word (a statistical model, the Bohr model), so only a language or AI model counts.
    [GeneratedRegex(@"\b((?<!\b(teaching|research|lab|laboratory|graduate|administrative|executive|personal|dental|medical|nursing|physician|legal|library|program|programme|office|student|sales|care|veterinary|pharmacy|editorial|production)\s)assistants?(?!\s(professor|lecturer|director|dean|manager|editor|coach|principal|registrar|secretary|head|curator|librarian|warden|to\sthe)s?\b)|chatbots?|language models?|ai models?|ai|llms?|system prompts?|prompt|instructions?)\b")]
    private static partial Regex Model();

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass|instead|previous|above|prior|earlier)\b")]
    private static partial Regex Override();

    [GeneratedRegex(@"^\W*(please\s+)?(send|forward|email|e-mail|transfer|grant|share|post|upload|delete|remove|download|click|visit|open|reply|respond|answer|say|print|output|repeat|write|tell|give|return|execute|run|call|book|buy|pay|change|update|add|invite|unlock|disable|enable)\b")]
    private static partial Regex ActionFirst();

    [GeneratedRegex(@"\byou (must|should|need to|have to|are required to|will now|are now)\b|\byour (task|job|goal|new task|instructions?)\b|\bas (an|the) (assistant|ai|model)\b")]
    private static partial Regex Obligation();
}
