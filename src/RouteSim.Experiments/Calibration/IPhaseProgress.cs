namespace RouteSim.Experiments.Calibration;

/// <summary>Shows the progress of long work done in named phases (a command's progress bar, or nothing).</summary>
public interface IPhaseProgress
{
    /// <summary>
    /// Runs <paramref name="work"/> as the phase <paramref name="label"/> of <paramref name="total"/>
    /// <paramref name="unit"/>, giving it a callback to report how many are done.
    /// </summary>
    T Track<T>(string label, int total, string unit, Func<Action<int>, T> work);
}
