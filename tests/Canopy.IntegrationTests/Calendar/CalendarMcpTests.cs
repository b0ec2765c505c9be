using Canopy.TestUtilities.Files;
using System.Net;
using System.Text;
using Canopy.Calendar.Events;
using Canopy.Contracts.Calendar;
using ModelContextProtocol.Client;

namespace Canopy.IntegrationTests.Calendar;

/// <summary>canopy-calendar's MCP tools as canopy-be's agent calls them: the SDK's client, signed tokens, a real SQLite file.</summary>
public sealed class CalendarMcpTests : IDisposable
{
    private const string PhysicsFinal = "phys-214-final-exam";
    private const string UniversityExamPeriod = "rdu-2026-12-14-final-examination-period";
    private readonly CalendarFactory _calendar = new(TestDirectory.Create("canopy-calendar-"));

    [Fact]
    public async Task The_server_lists_its_nine_tools_with_described_input_schemas()
    {
        await using var client = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student"));

        var tools = await client.ListToolsAsync(cancellationToken: CalendarCalls.Timeout());

        Assert.Equal(CalendarToolNames.All.Order(), tools.Select(t => t.Name).Order());
        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            var schema = tool.JsonSchema;
            Assert.Equal("object", schema.GetProperty("type").GetString());
            // Only the model's arguments are in the schema, never the request context or the cancellation token.
            foreach (var property in schema.TryGetProperty("properties", out var p) ? p.EnumerateObject() : default)
            {
                Assert.DoesNotContain(property.Name, new[] { "context", "cancellationToken" });
                Assert.True(property.Value.TryGetProperty("description", out _), $"{tool.Name}.{property.Name} has no description");
            }
        }
        var create = tools.Single(t => t.Name == CalendarToolNames.CreateEvent).JsonSchema;
        Assert.Equal(["date", "title"], create.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.True(tools.Single(t => t.Name == CalendarToolNames.ListEvents).ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.True(tools.Single(t => t.Name == CalendarToolNames.DeleteEvent).ProtocolTool.Annotations?.DestructiveHint);
    }

    [Fact]
    public async Task The_next_quantum_physics_exam_after_3_December_is_the_final_examination_period()
    {
        await using var client = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student"));

        var exams = await client.CallForAsync<CalendarEventList>(CalendarToolNames.UpcomingEvents, new { from = "2026-12-03", course = "phys-214", category = "exam" });
        var all = await client.CallForAsync<CalendarEventList>(CalendarToolNames.UpcomingEvents, new { from = "2026-12-03", course = "PHYS-214" });

        var final = Assert.Single(exams.Events);
        Assert.Equal(PhysicsFinal, final.Id);
        Assert.Equal((new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 22)), (final.Date, final.EndDate!.Value));
        Assert.Equal(("exam", "PHYS-214", CalendarScopes.Course, "syllabus-phys-214-quantum-physics-i.md"), (final.Category, final.Course, final.Scope, final.Source));
        // The simulation project (4 December) comes first; the October midterm is past.
        Assert.Equal(["phys-214-simulation-project", PhysicsFinal], all.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task A_students_own_event_is_seen_by_them_alone_and_only_they_may_delete_it()
    {
        await using var a = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student"));
        await using var b = await _calendar.ConnectAsync(CalendarFactory.Token("student-b", "student"));

        var created = await a.CallForAsync<CalendarEvent>(CalendarToolNames.CreateEvent, new
        {
            title = "Study group: Bell inequalities", date = "2026-12-10", startTime = "14:00", endTime = "16:00", category = "study", course = "PHYS-214",
            location = "Science Library, room 2",
        });

        Assert.Equal((CalendarScopes.Personal, "personal", "PHYS-214"), (created.Scope, created.Source, created.Course));
        Assert.Contains(created.Id, (await a.CallForAsync<CalendarEventList>(CalendarToolNames.ListEvents, new { scope = "personal" })).Events.Select(e => e.Id));
        Assert.Contains(created.Id, (await a.CallForAsync<CalendarEventList>(CalendarToolNames.SearchEvents, new { query = "bell" })).Events.Select(e => e.Id));
        Assert.Empty((await b.CallForAsync<CalendarEventList>(CalendarToolNames.ListEvents, new { scope = "personal" })).Events);
        Assert.DoesNotContain((await b.CallForAsync<CalendarEventList>(CalendarToolNames.EventsByDate, new { date = "2026-12-10" })).Events, e => e.Id == created.Id);
        Assert.Empty((await b.CallForAsync<CalendarEventList>(CalendarToolNames.SearchEvents, new { query = "bell" })).Events);

        // To B the event does not exist: the same answer as for an id nobody has.
        Assert.EndsWith("No event with id 'evt-nobody'.", await b.ErrorOfAsync(CalendarToolNames.GetEvent, new { id = "evt-nobody" }));
        Assert.EndsWith($"No event with id '{created.Id}'.", await b.ErrorOfAsync(CalendarToolNames.GetEvent, new { id = created.Id }));
        Assert.EndsWith($"No event with id '{created.Id}'.", await b.ErrorOfAsync(CalendarToolNames.DeleteEvent, new { id = created.Id }));
        Assert.EndsWith($"No event with id '{created.Id}'.", await b.ErrorOfAsync(CalendarToolNames.UpdateEvent, new { id = created.Id, title = "Mine now" }));
        Assert.Equal("Study group: Bell inequalities", (await a.CallForAsync<CalendarEvent>(CalendarToolNames.GetEvent, new { id = created.Id })).Title);

        var moved = await a.CallForAsync<CalendarEvent>(CalendarToolNames.UpdateEvent, new { id = created.Id, date = "2026-12-11", location = "" });
        Assert.Equal((new DateOnly(2026, 12, 11), null, "14:00"), (moved.Date, moved.Location, moved.StartTime));
        Assert.Equal(created.Id, (await a.CallForAsync<CalendarEvent>(CalendarToolNames.DeleteEvent, new { id = created.Id })).Id);
        Assert.Empty((await a.CallForAsync<CalendarEventList>(CalendarToolNames.ListEvents, new { scope = "personal" })).Events);
    }

    [Fact]
    public async Task University_events_are_read_only_and_course_events_belong_to_instructors()
    {
        await using var student = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student"));
        await using var instructor = await _calendar.ConnectAsync(CalendarFactory.Token("okafor", "instructor"));

        Assert.Contains("read-only", await student.ErrorOfAsync(CalendarToolNames.DeleteEvent, new { id = UniversityExamPeriod }));
        Assert.Contains("read-only", await instructor.ErrorOfAsync(CalendarToolNames.UpdateEvent, new { id = UniversityExamPeriod, title = "Exams" }));
        Assert.Contains("instructors and admins", await student.ErrorOfAsync(CalendarToolNames.DeleteEvent, new { id = PhysicsFinal }));
        Assert.Equal(UniversityExamPeriod, (await student.CallForAsync<CalendarEvent>(CalendarToolNames.GetEvent, new { id = UniversityExamPeriod })).Id);

        var review = await instructor.CallForAsync<CalendarEvent>(CalendarToolNames.CreateEvent, new
        {
            title = "PHYS-214 review session", date = "2026-12-09", startTime = "10:00", endTime = "11:30", category = "lecture", course = "PHYS-214",
        });
        Assert.Equal(CalendarScopes.Course, review.Scope);
        Assert.Contains(review.Id, (await student.CallForAsync<CalendarEventList>(CalendarToolNames.UpcomingEvents, new { from = "2026-12-03", course = "PHYS-214" })).Events.Select(e => e.Id));
        Assert.Contains("instructors and admins", await student.ErrorOfAsync(CalendarToolNames.DeleteEvent, new { id = review.Id }));
        Assert.Contains("must keep a course", await instructor.ErrorOfAsync(CalendarToolNames.UpdateEvent, new { id = review.Id, course = "" }));
        await instructor.CallForAsync<CalendarEvent>(CalendarToolNames.DeleteEvent, new { id = review.Id });
    }

    [Fact]
    public async Task Bad_input_is_a_tool_error_that_says_what_to_send()
    {
        await using var client = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student"));

        var badDate = await client.ErrorOfAsync(CalendarToolNames.CreateEvent, new { title = "Exam prep", date = "14/12/2026" });
        Assert.Contains("date '14/12/2026' is not a valid ISO date", badDate);
        Assert.Contains("yyyy-MM-dd", badDate);
        Assert.Contains("before date", await client.ErrorOfAsync(CalendarToolNames.CreateEvent, new { title = "Trip", date = "2026-12-10", endDate = "2026-12-09" }));
        Assert.Contains("title must be 1 to 200", await client.ErrorOfAsync(CalendarToolNames.CreateEvent, new { title = new string('x', 201), date = "2026-12-10" }));
        Assert.Contains("at most 366 days", await client.ErrorOfAsync(CalendarToolNames.EventsByDate, new { date = "2026-01-01", to = "2027-06-01" }));
        Assert.Contains("between 1 and 200", await client.ErrorOfAsync(CalendarToolNames.ListEvents, new { limit = 0 }));
        Assert.Contains("scope 'mine' is unknown", await client.ErrorOfAsync(CalendarToolNames.ListEvents, new { scope = "mine" }));
        Assert.Empty((await client.CallForAsync<CalendarEventList>(CalendarToolNames.ListEvents, new { scope = "personal" })).Events);
    }

    [Fact]
    public async Task Anonymous_callers_and_tokens_for_another_service_get_401()
    {
        var initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";
        foreach (var token in new[] { null, LocalTokens.For("student", "canopy-rag"), LocalTokens.Forged("student") })
        {
            using var http = _calendar.HttpClientWith(token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(initialize, Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(request, CalendarCalls.Timeout());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _calendar.ConnectAsync(LocalTokens.For("student", "canopy-rag")));
    }

    [Fact]
    public async Task Canopy_be_own_token_reads_university_and_course_events_but_writes_nothing()
    {
        await using var student = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student"));
        await student.CallForAsync<CalendarEvent>(CalendarToolNames.CreateEvent, new { title = "Dentist", date = "2026-12-07" });
        await using var service = await _calendar.ConnectAsync(CalendarFactory.Token("canopy-be", CanopyRoles.Service));

        var seen = await service.CallForAsync<CalendarEventList>(CalendarToolNames.ListEvents, new { limit = 200 });

        Assert.DoesNotContain(seen.Events, e => e.Scope == CalendarScopes.Personal);
        Assert.Contains(seen.Events, e => e.Scope == CalendarScopes.University);
        Assert.Contains(seen.Events, e => e.Id == PhysicsFinal);
        Assert.Contains("may only read", await service.ErrorOfAsync(CalendarToolNames.CreateEvent, new { title = "Mine", date = "2026-12-07" }));
        Assert.Contains("instructors and admins", await service.ErrorOfAsync(CalendarToolNames.DeleteEvent, new { id = PhysicsFinal }));
    }

    [Fact]
    public async Task Statistics_count_what_the_caller_sees()
    {
        await using var client = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student"));
        var before = await client.CallForAsync<CalendarStatistics>(CalendarToolNames.EventStatistics);
        await client.CallForAsync<CalendarEvent>(CalendarToolNames.CreateEvent, new { title = "Dentist", date = "2030-01-07" });

        var after = await client.CallForAsync<CalendarStatistics>(CalendarToolNames.EventStatistics);

        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal(before.Upcoming + 1, after.Upcoming);
        Assert.Equal(1, after.ByScope[CalendarScopes.Personal]);
        Assert.Equal(1, after.ByMonth["2030-01"]);
        Assert.Equal(42, after.ByScope[CalendarScopes.University]);
        Assert.Equal(after.Total, after.ByCategory.Values.Sum());
    }

    [Fact]
    public async Task Events_and_the_seed_survive_a_restart_on_the_same_data_path()
    {
        string id;
        int total;
        await using (var client = await _calendar.ConnectAsync(CalendarFactory.Token("student-a", "student")))
        {
            id = (await client.CallForAsync<CalendarEvent>(CalendarToolNames.CreateEvent, new { title = "Return library books", date = "2026-12-18" })).Id;
            total = (await client.CallForAsync<CalendarEventList>(CalendarToolNames.ListEvents, new { limit = 1 })).Total;
        }
        var store = (SqliteCalendarStore)_calendar.Services.GetRequiredService<ICalendarStore>();
        Assert.Equal(("wal", 2L), store.Durability());
        _calendar.Dispose();

        using var restarted = new CalendarFactory(_calendar.DataPath);
        await using var again = await restarted.ConnectAsync(CalendarFactory.Token("student-a", "student"));

        Assert.Equal("Return library books", (await again.CallForAsync<CalendarEvent>(CalendarToolNames.GetEvent, new { id })).Title);
        // Seeded once: the restart added no second copy of the university and course events.
        Assert.Equal(total, (await again.CallForAsync<CalendarEventList>(CalendarToolNames.ListEvents, new { limit = 1 })).Total);
    }

    public void Dispose()
    {
        _calendar.Dispose();
        try { Directory.Delete(_calendar.DataPath, recursive: true); }
        catch (IOException) { }
    }
}
