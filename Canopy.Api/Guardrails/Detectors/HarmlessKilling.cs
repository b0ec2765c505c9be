using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Killing a process or killing time is not killing: "¿Cómo puedo matar un proceso en Linux?" and "Comment puis-je tuer
/// le temps avant l'examen ?" are a student's. <see cref="HarmLexicon"/> reads the text with its killing words taken out
/// when what is killed is one of these.
/// </summary>
public static partial class HarmlessKilling
{
    /// <summary>The prepared text without its killing words when it kills a process or time; otherwise as it was.</summary>
    public static string Remove(string prepared) =>
        KillsProcessOrTime().IsMatch(prepared) || ProcessOnAComputer().IsMatch(prepared) ? KillWords().Replace(prepared, " ") : prepared;

    // The verb with the process or time as its object, as Romance languages and Indonesian put it.
    [GeneratedRegex(@"\b(matar|tuer|uccidere|ammazzare|убить|bunuh|membunuh)( (un|el|los|le|les|ce|il|i|questo|o|um|os|esse|этот|sebuah))? (proceso|procesos|processus|processo|processi|процесс|процессы|proses|tiempo|temps|tempo|время)\b")]
    private static partial Regex KillsProcessOrTime();

    // Elsewhere the object may sit away from the verb ("einen Prozess unter Linux töten", "Linuxでプロセスを殺す"): a
    // process word that only means a program (Chinese, Japanese, Korean), or one beside the name of a system or shell.
    [GeneratedRegex(@"进程|プロセス|프로세스|\b(prozess\w*|proceso|processus|processo|процесс\w*|proses)\b.*\b(linux|windows|macos|ubuntu|unix|terminal|pid|bash|shell|cpu)\b|\b(linux|windows|macos|ubuntu|unix|terminal|pid|bash|shell|cpu)\b.*\b(prozess\w*|proceso|processus|processo|процесс\w*|proses)\b")]
    private static partial Regex ProcessOnAComputer();

    [GeneratedRegex(@"\b(matar|tuer|uccidere|ammazzare|töten|killen|убить|bunuh|membunuh|kill)\b|杀死|殺死|杀掉|殺掉|殺す|죽이|죽일")]
    private static partial Regex KillWords();
}
