using System.Net;
using Canopy.Rag.VectorStore;
using Canopy.Rag.VectorStore.Milvus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Milvus;

public sealed class MilvusRegistrationTests
{
    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMilvusIndex();
        return builder;
    }

    [Fact]
    public async Task A_missing_connection_string_fails_start_up_with_a_clear_message()
    {
        using var host = Builder([]).Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:milvus", ex.Message);
        Assert.Contains("Endpoint=", ex.Message);
    }

    [Fact]
    public async Task A_malformed_connection_string_fails_start_up()
    {
        using var host = Builder(new() { ["ConnectionStrings:milvus"] = "Endpoint=not-a-url" }).Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("not an absolute http", ex.Message);
    }

    [Fact]
    public async Task Invalid_options_fail_start_up()
    {
        using var host = Builder(new()
        {
            ["ConnectionStrings:milvus"] = "Endpoint=http://localhost:19530",
            ["Canopy:Milvus:CollectionName"] = "bad-name!",
        }).Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CollectionName", ex.Message);
    }

    [Fact]
    public void Registers_the_index_client_and_health_check_from_configuration()
    {
        using var host = Builder(new()
        {
            ["ConnectionStrings:vectors"] = "Endpoint=http://milvus.test:19530;Key=root:pw;Database=canopy",
            ["Canopy:Milvus:ConnectionName"] = "vectors",
            ["Canopy:Milvus:CollectionName"] = "course_chunks",
        }).Build();

        var index = host.Services.GetRequiredService<IVectorIndex>();
        Assert.IsType<MilvusVectorIndex>(index);
        Assert.Same(index, host.Services.GetRequiredService<IVectorIndex>());
        Assert.Equal("course_chunks", index.CollectionName);
        Assert.Equal("canopy", host.Services.GetRequiredService<MilvusRestClient>().Database);
        Assert.Equal(new Uri("http://milvus.test:19530/"), host.Services.GetRequiredService<MilvusConnectionString>().Endpoint);
        var checks = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(checks, c => c.Name == "milvus");
    }

    [Fact]
    public async Task Health_check_is_healthy_when_milvus_lists_collections()
    {
        var handler = new RecordingHandler().On("collections/list", """{"code":0,"data":["canopy_chunks"]}""");

        var result = await Check(handler);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("collections/list", handler.Requests.Single().Action);
    }

    [Fact]
    public async Task Health_check_reports_a_refusal()
    {
        var result = await Check(new RecordingHandler().On("collections/list",
            """{"code":1800,"message":"user hasn't authenticated"}""", HttpStatusCode.Unauthorized));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("user hasn't authenticated", result.Description);
    }

    [Fact]
    public async Task Health_check_reports_an_unreachable_server()
    {
        var result = await Check(new RecordingHandler { Throw = new HttpRequestException("Connection refused (milvus.test:19530)") });

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("unreachable", result.Description);
        Assert.Contains("Connection refused", result.Description);
    }

    private static Task<HealthCheckResult> Check(RecordingHandler handler)
    {
        var check = new MilvusHealthCheck(MilvusTestServer.Client(handler), MilvusConnectionString.Parse(MilvusTestServer.ConnectionString));
        return check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("milvus", check, HealthStatus.Unhealthy, null),
        });
    }
}
