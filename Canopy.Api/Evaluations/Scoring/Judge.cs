using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>One question to a judge model. Streamed, as every other call to the model is; temperature 0 so that reruns agree.</summary>
internal static class Judge
{
    public static async Task<string> AskAsync(ChatConfiguration configuration, string instructions, string material, CancellationToken cancellationToken)
    {
        // The material is the student's and the assistant's text: data to grade, never instructions to the judge.
        List<ChatMessage> messages = [new(ChatRole.System, instructions), new(ChatRole.User, material)];
        var response = await configuration.ChatClient.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0, MaxOutputTokens = 160 }, cancellationToken)
            .ToChatResponseAsync(cancellationToken);
        return response.Text;
    }
}
