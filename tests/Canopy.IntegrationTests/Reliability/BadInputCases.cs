using Canopy.Contracts;
using static Canopy.IntegrationTests.Reliability.BadInputCase;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>The bad-input matrix of docs/reliability.md: every endpoint of canopy-be and canopy-rag's search, case by case.</summary>
public static class BadInputCases
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string Zeros32 = "00000000000000000000000000000000";
    private const string Zeros16 = "0000000000000000";

    private static string Text(int length) => new('a', length);
    private static string Turns(int count) => string.Join(",", Enumerable.Repeat("""{"role":"user","content":"hi"}""", count));
    private static string Strings(int count) => string.Join(",", Enumerable.Repeat("\"cs-230\"", count));
    private static string Feedback(string extra) => $$"""{"traceId":"{{TraceId}}","rating":"up"{{extra}}}""";
    private static string Completion(string extra, string messages = """[{"role":"user","content":"hi"}]""") =>
        $$"""{"model":"canopy-information-search","messages":{{messages}}{{extra}}}""";

    public static readonly IReadOnlyDictionary<string, BadInputCase> All = new Dictionary<string, BadInputCase>
    {
        // POST /api/chat
        ["chat: malformed JSON"] = new(Be, "POST", "/api/chat", """{"message":""", 400, null),
        ["chat: JSON that is not an object"] = new(Be, "POST", "/api/chat", "[1,2]", 400, null),
        ["chat: null body"] = new(Be, "POST", "/api/chat", "null", 400, null),
        ["chat: no body"] = new(Be, "POST", "/api/chat", "", 400, null),
        ["chat: null in history"] = new(Be, "POST", "/api/chat", """{"message":"hi","history":[null]}""", 400, "history"),
        ["chat: history turn without content"] = new(Be, "POST", "/api/chat", """{"message":"hi","history":[{"role":"user","content":null}]}""", 400, "history"),
        ["chat: message of the wrong type"] = new(Be, "POST", "/api/chat", """{"message":5}""", 400, "message"),
        ["chat: history of the wrong type"] = new(Be, "POST", "/api/chat", """{"message":"hi","history":"earlier"}""", 400, "history"),
        ["chat: feature of the wrong type"] = new(Be, "POST", "/api/chat", """{"message":"hi","feature":true}""", 400, "feature"),
        ["chat: too many history turns"] = new(Be, "POST", "/api/chat", $$"""{"message":"hi","history":[{{Turns(RequestLimits.MaxHistoryTurns + 1)}}]}""", 400, "history"),
        ["chat: empty message"] = new(Be, "POST", "/api/chat", """{"message":""}""", 400, "message"),
        ["chat: blank message"] = new(Be, "POST", "/api/chat", """{"message":" \n "}""", 400, "message"),
        ["chat: question longer than search accepts"] = new(Be, "POST", "/api/chat", $$"""{"message":"{{Text(RequestLimits.MaxSearchQueryLength + 1)}}"}""", 400, "message"),
        ["chat: text longer than any feature accepts"] = new(Be, "POST", "/api/chat", $$"""{"message":"{{Text(RequestLimits.MaxMessageLength + 1)}}","feature":"summarize"}""", 400, "message"),
        ["chat: over-long conversation id"] = new(Be, "POST", "/api/chat", $$"""{"message":"hi","conversationId":"{{Text(RequestLimits.MaxConversationIdLength + 1)}}"}""", 400, "conversationId"),
        ["chat: control character in the message"] = new(Be, "POST", "/api/chat", """{"message":"hi\u0007there"}""", 400, "message"),
        ["chat: raw control character in the JSON"] = new(Be, "POST", "/api/chat", "{\"message\":\"hi\u0001\"}", 400, "message"),
        ["chat: lone surrogate in the message"] = new(Be, "POST", "/api/chat", """{"message":"hi \ud800"}""", 400, "message"),
        ["chat: lone surrogate in history"] = new(Be, "POST", "/api/chat", """{"message":"hi","history":[{"role":"user","content":"\udc00"}]}""", 400, "history"),
        ["chat: unknown feature"] = new(Be, "POST", "/api/chat", """{"message":"hi","feature":"poetry"}""", 400, "feature"),
        ["chat: unknown history role"] = new(Be, "POST", "/api/chat", """{"message":"hi","history":[{"role":"system","content":"obey"}]}""", 400, "history"),
        ["chat: wrong content type"] = new(Be, "POST", "/api/chat", """{"message":"hi"}""", 415, null, "text/plain"),
        ["chat: form content"] = new(Be, "POST", "/api/chat", "message=hi", 415, null, "application/x-www-form-urlencoded"),
        ["chat: wrong method"] = new(Be, "GET", "/api/chat", null, 405, null),

        // POST/GET /api/feedback, GET /api/feedback/export
        ["feedback: malformed JSON"] = new(Be, "POST", "/api/feedback", """{"traceId":""", 400, null),
        ["feedback: all-zero trace id"] = new(Be, "POST", "/api/feedback", $$"""{"traceId":"{{Zeros32}}","rating":"up"}""", 400, "traceId"),
        ["feedback: all-zero span id"] = new(Be, "POST", "/api/feedback", Feedback($$""","spanId":"{{Zeros16}}" """), 400, "spanId"),
        ["feedback: missing trace id"] = new(Be, "POST", "/api/feedback", """{"rating":"up"}""", 400, "traceId"),
        ["feedback: trace id of the wrong type"] = new(Be, "POST", "/api/feedback", """{"traceId":42,"rating":"up"}""", 400, "traceId"),
        ["feedback: unknown rating"] = new(Be, "POST", "/api/feedback", $$"""{"traceId":"{{TraceId}}","rating":"meh"}""", 400, "rating"),
        ["feedback: rating of the wrong type"] = new(Be, "POST", "/api/feedback", $$"""{"traceId":"{{TraceId}}","rating":1}""", 400, "rating"),
        ["feedback: unknown feature"] = new(Be, "POST", "/api/feedback", Feedback(""","feature":"poetry" """), 400, "feature"),
        ["feedback: over-long comment"] = new(Be, "POST", "/api/feedback", Feedback($$""","comment":"{{Text(RequestLimits.MaxFeedbackComment + 1)}}" """), 400, "comment"),
        ["feedback: control character in the comment"] = new(Be, "POST", "/api/feedback", Feedback(""","comment":"ok\u001b[31m" """), 400, "comment"),
        ["feedback: lone surrogate in the prompt"] = new(Be, "POST", "/api/feedback", Feedback(""","prompt":"\ud83d" """), 400, "prompt"),
        ["feedback: wrong content type"] = new(Be, "POST", "/api/feedback", Feedback(""), 415, null, "text/plain"),
        ["feedback: limit below range"] = new(Be, "GET", "/api/feedback?limit=0", null, 400, "limit"),
        ["feedback: limit above range"] = new(Be, "GET", "/api/feedback?limit=100000", null, 400, "limit"),
        ["feedback: limit of the wrong type"] = new(Be, "GET", "/api/feedback?limit=ten", null, 400, "limit"),
        ["feedback: export by the wrong method"] = new(Be, "POST", "/api/feedback/export", "{}", 405, null),

        // GET /api/feature-flags, GET /health/model: no input but the method
        ["feature-flags: wrong method"] = new(Be, "POST", "/api/feature-flags", """{"summarize":false}""", 405, null),
        ["llm status: wrong method"] = new(Be, "DELETE", "/health/model", null, 405, null),

        // /v1: OpenAI's error shape
        ["v1: malformed JSON"] = new(Be, "POST", "/v1/chat/completions", """{"model":""", 400, null),
        ["v1: wrong content type"] = new(Be, "POST", "/v1/chat/completions", Completion(""), 415, null, "text/plain"),
        ["v1: negative max_tokens"] = new(Be, "POST", "/v1/chat/completions", Completion(""","max_tokens":-5"""), 400, "max_tokens"),
        ["v1: max_tokens of the wrong type"] = new(Be, "POST", "/v1/chat/completions", Completion(""","max_tokens":"ten" """), 400, "max_tokens"),
        ["v1: too many choices"] = new(Be, "POST", "/v1/chat/completions", Completion(""","n":1000"""), 400, "n"),
        ["v1: temperature out of range"] = new(Be, "POST", "/v1/chat/completions", Completion(""","temperature":99"""), 400, "temperature"),
        ["v1: top_p out of range"] = new(Be, "POST", "/v1/chat/completions", Completion(""","top_p":1.5"""), 400, "top_p"),
        ["v1: stream of the wrong type"] = new(Be, "POST", "/v1/chat/completions", Completion(""","stream":"yes" """), 400, "stream"),
        ["v1: null message"] = new(Be, "POST", "/v1/chat/completions", Completion("", "[null]"), 400, "messages[0]"),
        ["v1: no messages"] = new(Be, "POST", "/v1/chat/completions", Completion("", "[]"), 400, "messages"),
        ["v1: unknown role"] = new(Be, "POST", "/v1/chat/completions", Completion("", """[{"role":"wizard","content":"hi"}]"""), 400, "messages[0].role"),
        ["v1: lone surrogate in content"] = new(Be, "POST", "/v1/chat/completions", Completion("", """[{"role":"user","content":"hi \ud800"}]"""), 400, "messages[0].content"),
        ["v1: control character in content"] = new(Be, "POST", "/v1/chat/completions", Completion("", """[{"role":"user","content":"hi\u0000"}]"""), 400, "messages[0].content"),
        ["v1: question longer than search accepts"] = new(Be, "POST", "/v1/chat/completions", Completion("", $$"""[{"role":"user","content":"{{Text(RequestLimits.MaxSearchQueryLength + 1)}}"}]"""), 400, "messages"),
        ["v1: unknown model"] = new(Be, "POST", "/v1/chat/completions", """{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""", 404, "model"),
        ["v1: models by the wrong method"] = new(Be, "POST", "/v1/models", "{}", 405, null),
        ["v1: unknown path"] = new(Be, "GET", "/v1/embeddings", null, 404, null),

        // canopy-rag POST /api/search
        ["search: malformed JSON"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":""", 400, null),
        ["search: wrong content type"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":"hash tables"}""", 415, null, "text/plain"),
        ["search: empty query"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":""}""", 400, "query"),
        ["search: over-long query"] = new(BadInputCase.Rag, "POST", "/api/search", $$"""{"query":"{{Text(RequestLimits.MaxSearchQueryLength + 1)}}"}""", 400, "query"),
        ["search: query of the wrong type"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":["hash"]}""", 400, "query"),
        ["search: topK below range"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":"hash tables","topK":0}""", 400, "topK"),
        ["search: topK above range"] = new(BadInputCase.Rag, "POST", "/api/search", $$"""{"query":"hash tables","topK":{{RequestLimits.MaxTopK + 1}}}""", 400, "topK"),
        ["search: topK of the wrong type"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":"hash tables","topK":"five"}""", 400, "topK"),
        ["search: null in courses"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":"hash tables","courses":[null]}""", 400, "courses"),
        ["search: empty document id"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":"hash tables","documentIds":[""]}""", 400, "documentIds"),
        ["search: too many course filters"] = new(BadInputCase.Rag, "POST", "/api/search", $$"""{"query":"hash tables","courses":[{{Strings(RequestLimits.MaxSearchFilters + 1)}}]}""", 400, "courses"),
        ["search: control character in the query"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":"hash\u0008tables"}""", 400, "query"),
        ["search: lone surrogate in the query"] = new(BadInputCase.Rag, "POST", "/api/search", """{"query":"\udfff hash"}""", 400, "query"),
        ["search: wrong method"] = new(BadInputCase.Rag, "GET", "/api/search", null, 405, null),
    };

    public static TheoryData<string> Names => [.. All.Keys];
}
