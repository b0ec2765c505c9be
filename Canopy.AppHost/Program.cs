var builder = DistributedApplication.CreateBuilder(args);
var modes = CanopyModes.From(builder);

// Infrastructure: declared only when the mode (or publishing) needs it, so `dotnet run` works without Docker.
var milvus = builder.AddCanopyVectorStore(modes);
var llm = builder.AddCanopyLlm(modes);

// Identity: canopy-identity locally, the cluster's OpenID Connect provider when published.
var identity = builder.AddCanopyIdentity();

// Services
var rag = builder.AddProject<Projects.Canopy_Rag>("canopy-rag")
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash()
    .WithCanopyTelemetry()
    .WithVectorStore(modes, milvus)
    .WithIdentity(identity);

// The agent's calendar: an MCP server that canopy-be calls with the student's token.
var calendar = builder.AddProject<Projects.Canopy_Calendar>("canopy-calendar")
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash()
    .WithCanopyTelemetry()
    .WithIdentity(identity);

var api = builder.AddProject<Projects.Canopy_Api>("canopy-be")
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash()
    .WithCanopyTelemetry()
    .WithReference(rag).WaitFor(rag)
    .WithReference(calendar).WaitFor(calendar)
    .WithLlm(modes, llm)
    .WithIdentity(identity)
    .WithServiceClient(identity);

// UI
builder.AddProject<Projects.Canopy_Web>("canopy-ui")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash()
    .WithCanopyTelemetry()
    .WithReference(api).WaitFor(api)
    .WithReference(rag).WaitFor(rag)
    .WithTraceLinks()
    .WithSignIn(identity);

builder.Build().Run();
