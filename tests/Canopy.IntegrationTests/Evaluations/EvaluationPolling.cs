using Canopy.Contracts.Evaluations;

namespace Canopy.IntegrationTests.Evaluations;

/// <summary>Runs finish in the background: tests poll the API until a deadline.</summary>
public static class EvaluationPolling
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static async Task<EvaluationRunInfo> StartAsync(this HttpClient client, string feature, string set, int? version = null)
    {
        using var response = await client.PostAsJsonAsync("/api/evaluations/runs", new EvaluationRunRequest(feature, set, version));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<EvaluationRunInfo>())!;
        Assert.Equal($"/api/evaluations/runs/{run.Id}", response.Headers.Location?.OriginalString);
        return run;
    }

    public static async Task<EvaluationRunDetail> WaitForRunAsync(this HttpClient client, long id)
    {
        var until = DateTime.UtcNow + Deadline;
        EvaluationRunDetail? last = null;
        while (DateTime.UtcNow < until)
        {
            last = await client.GetFromJsonAsync<EvaluationRunDetail>($"/api/evaluations/runs/{id}");
            if (last!.Run.Status is EvaluationRunStatus.Completed or EvaluationRunStatus.Failed) return last;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Run {id} did not finish in {Deadline}; last seen: {last?.Run}");
    }
}
