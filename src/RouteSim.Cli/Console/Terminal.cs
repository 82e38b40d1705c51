using Spectre.Console;

namespace RouteSim.Cli.Console;

/// <summary>Where routesim writes: results and tables to standard output, errors and progress to standard error.</summary>
public sealed class Terminal(TextWriter output, TextWriter error, bool interactive)
{
    /// <summary>The real console.</summary>
    public static Terminal System { get; } =
        new(global::System.Console.Out, global::System.Console.Error, !global::System.Console.IsErrorRedirected && !global::System.Console.IsOutputRedirected);

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>True when a person is watching a terminal (progress bars and colours are welcome).</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>A Spectre console over standard output, plain when not interactive.</summary>
    public IAnsiConsole OutConsole => Create(Out);

    /// <summary>A Spectre console over standard error, for progress.</summary>
    public IAnsiConsole ErrorConsole => Create(Error);

    private IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        // Redirected output has no width; tables should not wrap at 80 columns in a log file.
        if (!Interactive) console.Profile.Width = 200;
        return console;
    }

    /// <summary>
    /// Writes one error line to standard error. Control characters (which a file or an id may carry, such as
    /// terminal escape sequences) are shown as \uXXXX instead of being sent to the terminal.
    /// </summary>
    public void Fail(string message) => Error.WriteLine(Printable(message));

    /// <summary>The text with every control character but line breaks as a visible \uXXXX escape (tabs as spaces).</summary>
    public static string Printable(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not '\n' and not '\r')) return text;
        var printable = new global::System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
            if (c == '\t') printable.Append(' ');
            else if (char.IsControl(c) && c is not '\n' and not '\r') printable.Append($"\\u{(int)c:X4}");
            else printable.Append(c);
        return printable.ToString();
    }
}
