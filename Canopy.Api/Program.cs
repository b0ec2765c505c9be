using Canopy.Api.Chat;
using Canopy.Api.Guardrails;
using Canopy.Api.Llm;
using Canopy.Api.Retrieval;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGuardrails();
builder.AddRetrieval();
builder.AddLlm();
builder.AddChat();

var app = builder.Build();

app.UseDefaultExceptionHandling();
app.MapDefaultEndpoints();
app.MapChatApi();

app.Run();
