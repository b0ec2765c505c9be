using Canopy.Rag.Documents;
using Canopy.Rag.Embeddings;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBearerAuthentication(CanopyAudiences.Rag);
builder.AddEmbeddings();
builder.AddVectorStore();
builder.AddIngestion();
builder.AddDocuments();
builder.AddSearch();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDefaultExceptionHandling();
app.UseSameOriginRequestsOnly();
app.UseBearerAuthentication();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapSearchApi();
app.MapDocumentsApi();
app.MapIngestionApi();

app.Run();
