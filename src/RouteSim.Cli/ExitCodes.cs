namespace RouteSim.Cli;

/// <summary>What routesim's exit status means.</summary>
public static class ExitCodes
{
    /// <summary>Done as asked.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: an invalid scenario, a missing file, a results folder in the way.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>The results could not be written (no permission, disk full); nothing that looks complete was left.</summary>
    public const int CannotWrite = 73;

    /// <summary>A bug in routesim: reported in one line, never as a stack trace.</summary>
    public const int Internal = 70;

    /// <summary>Stopped by Ctrl-C; nothing that looks complete was left.</summary>
    public const int Cancelled = 130;
}
