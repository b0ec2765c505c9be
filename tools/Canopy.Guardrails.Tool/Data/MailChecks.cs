using System.Text.Json;

namespace Canopy.Guardrails.Tool.Data;

/// <summary>
/// E-mails and messages written for this repository, and tasks for the model to put below or above them
/// (<c>eval/mail_checks.jsonl</c>): sets <c>mail-1</c> to <c>mail-7</c> and <c>tasks-1</c> to <c>tasks-5</c> were
/// measured while the mail rules of <c>LetterFrame</c> were written; <c>mail-8</c> and <c>tasks-6</c> were written
/// once they were fixed. Nothing trains on them.
/// </summary>
public sealed class MailChecks(IReadOnlyList<MailChecks.Row> rows)
{
    public sealed record Row(string Set, string? AppendedTo, string Text);

    public const string File = "mail_checks.jsonl";
    public static readonly string[] ShapedMail = ["mail-1", "mail-2", "mail-3", "mail-4", "mail-5", "mail-6", "mail-7"];
    public static readonly string[] ShapedTasks = ["tasks-1", "tasks-2", "tasks-3", "tasks-4", "tasks-5"];
    public const string AfterMail = "mail-8";
    public const string AfterTasks = "tasks-6";

    // Each task goes with two different e-mails of its set: the one at its own index and the one this far on.
    private const int SecondMailOffset = 40;

    public static MailChecks Read(string path) =>
        new([.. System.IO.File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return new Row(r.GetProperty("set").GetString()!, r.TryGetProperty("appended_to", out var to) ? to.GetString() : null, r.GetProperty("text").GetString()!);
        })]);

    public IReadOnlyList<string> Mail(params string[] sets) => [.. rows.Where(r => r.AppendedTo is null && sets.Contains(r.Set)).Select(r => r.Text)];

    /// <summary>Each task of the sets below two e-mails of the set it was written for.</summary>
    public IReadOnlyList<string> Below(params string[] sets) => Placed(sets, (mail, task) => mail.TrimEnd() + "\n\n" + task);

    /// <summary>Each task of the sets above two e-mails of the set it was written for.</summary>
    public IReadOnlyList<string> Above(params string[] sets) => Placed(sets, (mail, task) => task + "\n\n" + mail);

    private List<string> Placed(string[] sets, Func<string, string, string> place) =>
        [.. sets.SelectMany(set =>
        {
            var tasks = rows.Where(r => r.Set == set).ToList();
            var mail = Mail(tasks[0].AppendedTo!);
            return tasks.SelectMany((t, i) => new[] { i, i + SecondMailOffset }.Select(m => place(mail[m % mail.Count], t.Text)));
        })];
}
