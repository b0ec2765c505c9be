using Canopy.Contracts;
using Canopy.AppHost.Milvus;
using Microsoft.Extensions.Configuration;
using Canopy.AppHost.Vllm;

namespace Canopy.AppHost;

/// <summary>The mode switches of the AppHost, one small method each.</summary>
public static class CanopyResourceExtensions
{
    public const string LlmConnectionName = "llm";
    public const string MilvusConnectionName = "milvus";

    public static IResourceBuilder<MilvusServerResource>? AddCanopyVectorStore(this IDistributedApplicationBuilder builder, CanopyModes modes) =>
        modes.UsesMilvus ? builder.AddMilvus("milvus").WithDataVolume().WithAttuIf(builder.Configuration.GetValue("Canopy:Milvus:Attu", false)) : null;

    private static IResourceBuilder<MilvusServerResource> WithAttuIf(this IResourceBuilder<MilvusServerResource> milvus, bool enabled) =>
        enabled ? milvus.WithAttu() : milvus;

    public static IResourceBuilder<IResourceWithConnectionString>? AddCanopyLlm(this IDistributedApplicationBuilder builder, CanopyModes modes) =>
        modes.UsesVllm ? builder.AddVllm("vllm")
        : modes.Llm == LlmMode.Endpoint ? builder.AddConnectionString(LlmConnectionName)
        : null;

    public static IResourceBuilder<ProjectResource> WithVectorStore(
        this IResourceBuilder<ProjectResource> rag, CanopyModes modes, IResourceBuilder<MilvusServerResource>? milvus)
    {
        rag.WithEnvironment("Canopy__VectorStore", ModeOptions.Name(modes.VectorStore));
        return milvus is null ? rag : rag.WithReference(milvus, MilvusConnectionName).WaitFor(milvus);
    }

    public static IResourceBuilder<ProjectResource> WithLlm(
        this IResourceBuilder<ProjectResource> api, CanopyModes modes, IResourceBuilder<IResourceWithConnectionString>? llm)
    {
        api.WithEnvironment("Canopy__Llm", ModeOptions.Name(modes.Llm));
        if (modes.Llm == LlmMode.Embedded) return api.WithModelProgress();
        if (llm is null) return api;
        api.WithReference(llm, LlmConnectionName);
        // An external endpoint (a connection string) has no lifecycle here to wait for.
        return llm.Resource is VllmResource ? api.WaitFor(llm) : api;
    }

    /// <summary>Message and retrieved text go into spans only in Development (DESIGN.md, Telemetry).</summary>
    public static IResourceBuilder<ProjectResource> WithCanopyTelemetry(this IResourceBuilder<ProjectResource> project)
    {
        var builder = project.ApplicationBuilder;
        if (!builder.ExecutionContext.IsPublishMode && builder.Environment.EnvironmentName == "Development")
            project.WithEnvironment("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true");
        return project;
    }

    /// <summary>Locally each answer links to its trace in the dashboard; published, the template is a parameter (Tempo/Jaeger).</summary>
    public static IResourceBuilder<ProjectResource> WithTraceLinks(this IResourceBuilder<ProjectResource> ui)
    {
        var builder = ui.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            var template = builder.AddParameter("trace-url-template", "", publishValueAsDefault: true);
            return ui.WithEnvironment("Canopy__TraceUrlTemplate", template);
        }
        var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return dashboard is null ? ui : ui.WithEnvironment("Canopy__TraceUrlTemplate", $"{dashboard.TrimEnd('/')}/traces/detail/{{traceId}}");
    }
}
