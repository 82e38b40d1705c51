using System.Reflection;

namespace RouteSim.Server;

/// <summary>The page and its vendored libraries, served from the resources embedded in this assembly.</summary>
public static class StaticAssets
{
    private static readonly Assembly Assembly = typeof(StaticAssets).Assembly;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json",
        [".md"] = "text/markdown; charset=utf-8",
        [""] = "text/plain; charset=utf-8",
    };

    /// <summary>The asset at a URL path ("/" is index.html) with its content type; null when there is none.</summary>
    public static (Stream Content, string ContentType)? Open(string path)
    {
        if (path.Length == 0 || path == "/") path = "/index.html";
        if (path.Contains("..", StringComparison.Ordinal)) return null;
        var stream = Assembly.GetManifestResourceStream("wwwroot" + path);
        if (stream is null) return null;
        var extension = Path.GetExtension(path);
        return (stream, Types.TryGetValue(extension, out var type) ? type : "application/octet-stream");
    }
}
