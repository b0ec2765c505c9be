namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// The harm classifier for requests that are not English, which the token vectors cannot read: logistic regression over
/// <see cref="CharacterGrams"/>, trained by <c>tools/Canopy.Guardrails.Tool</c> on requests for harm and ordinary messages
/// written for the repository in sixteen languages, as many of each kind in each language, so that a language is no sign
/// of harm. No public dataset trains it or sets its threshold, so every figure of it on the pool is out of sample.
/// </summary>
public sealed class OtherLanguageStage
{
    public OtherLanguageStage(ClassifierModel model)
    {
        if (model.Inputs != CharacterGrams.Buckets || model.Hidden != 0)
            throw new InvalidDataException("The other-language harm model was trained on other features than CharacterGrams gives; retrain it.");
        Model = model;
    }

    public ClassifierModel Model { get; }

    public double Score(string text)
    {
        var z = Model.OutputBias + CharacterGrams.Of(text).Dot(Model.OutputWeights);
        return 1 / (1 + Math.Exp(-z));
    }

    public bool Blocks(string text) => Score(text) >= Model.Threshold;
}
