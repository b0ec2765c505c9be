using System.ClientModel;
using Aspire.Hosting.Testing;
using OpenAI;
using OpenAI.Chat;

namespace Canopy.IntegrationTests.EndToEnd;

/// <summary>Any OpenAI client can use Canopy: the official SDK streams a cited answer from the running services.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class OpenAiIntegrationTests(CanopyAppFixture app)
{
    [Fact]
    public async Task The_openai_sdk_streams_a_cited_answer_from_canopy()
    {
        var endpoint = new Uri(app.App.GetEndpoint("canopy-be", "http"), "/v1");
        // The SDK sends its key as a bearer token: a student's access token is one.
        var token = await app.SignIn.AccessTokenAsync("student");
        var chat = new OpenAIClient(new ApiKeyCredential(token), new OpenAIClientOptions { Endpoint = endpoint })
            .GetChatClient("canopy-information-search");

        var text = new System.Text.StringBuilder();
        var chunks = 0;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("Explain quantum entanglement")]))
        {
            foreach (var part in update.ContentUpdate) { text.Append(part.Text); chunks++; }
        }

        var answer = text.ToString();
        Assert.True(chunks > 5, "the answer streams in pieces");
        Assert.Contains("[1]", answer);
        Assert.Contains("Sources:\n[1] Lecture Notes - Quantum Entanglement", answer);
    }
}
