using Canopy.Api.Admission;
using Canopy.Api.Agent;
using Canopy.Api.ApiKeys;
using Canopy.Api.Chat;
using Canopy.Api.Experiments;
using Canopy.Api.Evaluations;
using Canopy.Api.Features;
using Canopy.Api.Feedback;
using Canopy.Api.Guardrails;
using Canopy.Api.Llm;
using Canopy.Api.Llm.Embedded;
using Canopy.Api.OpenAi;
using Canopy.Api.Prompts;
using Canopy.Api.Retrieval;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBearerAuthentication(CanopyAudiences.Be);
builder.AddFeatures();
builder.AddPrompts();
builder.AddAbTests();
builder.AddGuardrails();
builder.AddRetrieval();
builder.AddLlm();
builder.AddStudentAssistant();
builder.AddChat();
builder.AddAdmission();
builder.AddFeedback();
builder.AddOpenAiApi();
builder.AddApiKeys();
builder.AddEvaluations();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDefaultExceptionHandling();
app.UseSameOriginRequestsOnly();
app.UseBearerAuthentication();
app.UseAdmission();
app.MapDefaultEndpoints();
app.MapFeatureApi();
app.MapFeatureSwitchApi();
app.MapPromptApi();
app.MapAbTestApi();
app.MapChatApi();
app.MapFeedbackApi();
app.MapOpenAiApi();
app.MapApiKeysApi();
app.MapEvaluationApi();
app.MapLlmStatus();

app.Run();
