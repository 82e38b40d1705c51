namespace RouteSim.Results;

// The stale-folder scan: unfinished or replaced folders left next to results, and whose they are.
public sealed partial class ResultFolder
{
    /// <summary>An unfinished (.partial) or replaced folder next to results, with the host and process that wrote it.</summary>
    /// <param name="Path">The folder.</param>
    /// <param name="Host">The host name of the process that made it; null for a name this version cannot read.</param>
    /// <param name="ProcessId">Its process id.</param>
    /// <param name="Dead">True when that process is known to be gone (same host, no such process, or the id reused since).</param>
    public sealed record Leftover(string Path, string? Host, int ProcessId, bool Dead)
    {
        /// <summary>This process as named in its folders: host and process id.</summary>
        public static string Owner() => $"{HostName}-{Environment.ProcessId}";

        // The host name, and on Linux the process-id namespace: containers sharing a host name (host networking)
        // and a volume but not their process ids must not judge each other's processes.
        private static string HostName { get; } =
            new string(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray()) + PidNamespace();

        private static string PidNamespace()
        {
            try
            {
                var link = new FileInfo("/proc/self/ns/pid").LinkTarget; // "pid:[4026531836]"
                var digits = link is null ? "" : new string(link.Where(char.IsAsciiDigit).ToArray());
                return digits.Length > 0 ? ".ns" + digits : "";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                return "";
            }
        }

        /// <summary>The unfinished and replaced folders in <paramref name="parent"/>, oldest name first.</summary>
        public static IReadOnlyList<Leftover> In(string parent)
        {
            string[] candidates;
            try
            {
                candidates = Directory.Exists(parent) ? Directory.GetDirectories(parent, ".*") : [];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return []; // a folder that cannot be listed has no leftovers this process could judge
            }
            var found = new List<Leftover>();
            foreach (var dir in candidates.Order(StringComparer.Ordinal))
            {
                var name = System.IO.Path.GetFileName(dir);
                int at = Math.Max(name.LastIndexOf(PartialMarker, StringComparison.Ordinal), name.LastIndexOf(ReplacedMarker, StringComparison.Ordinal));
                if (at < 0) continue;
                var owner = name[(name.IndexOf('-', at + 1) + 1)..].Split('-');
                // HOST-PID-GUID, the host possibly holding '-' itself; older versions wrote PID-GUID.
                if (owner.Length >= 3 && int.TryParse(owner[^2], out int pid) && owner[^1].Length == 32)
                {
                    var host = string.Join('-', owner[..^2]);
                    found.Add(new Leftover(dir, host, pid, host == HostName && IsDead(dir, pid)));
                }
                else found.Add(new Leftover(dir, null, owner.Length == 2 && int.TryParse(owner[0], out int old) ? old : 0, false));
            }
            return found;
        }

        /// <summary>Removes the leftovers of dead processes of this host in <paramref name="parent"/>; returns those removed.</summary>
        public static IReadOnlyList<string> RemoveDead(string parent)
        {
            var removed = new List<string>();
            foreach (var leftover in In(parent).Where(l => l.Dead))
            {
                DeleteQuietly(leftover.Path);
                if (!Directory.Exists(leftover.Path)) removed.Add(leftover.Path);
            }
            return removed;
        }

        private static bool IsDead(string folder, int pid)
        {
            if (pid == Environment.ProcessId) return !Live.ContainsKey(folder);
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                if (process.HasExited) return true;
                // A process that started after the folder was last written did not write it: the id was reused.
                return process.StartTime > Directory.GetLastWriteTime(folder).AddSeconds(2);
            }
            catch (ArgumentException)
            {
                return true;
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                return false;
            }
        }
    }
}
