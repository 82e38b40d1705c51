using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RouteSim.Scenarios.Yaml;

/// <summary>
/// Passes YamlDotNet's parsing events through, refusing collections nested deeper than <see cref="MaxDepth"/>.
/// YamlDotNet's object model builds nested nodes by recursion; without this, 37,000 nested '[' overflow the
/// stack and kill the process, and 30,000 take seconds to reject.
/// </summary>
public sealed class DepthLimitedParser(IParser inner) : IParser
{
    /// <summary>The deepest nesting accepted; scenario, sweep and calibration files nest at most five levels.</summary>
    public const int MaxDepth = 64;

    private int _depth;

    /// <inheritdoc/>
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc/>
    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > MaxDepth)
                    throw new SyntaxErrorException(inner.Current.Start, inner.Current.End,
                        $"lists and mappings nest more than {MaxDepth} levels deep here; no RouteSim file needs that (is a ']' or '}}' missing?)");
                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }
        return true;
    }
}
