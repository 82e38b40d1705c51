namespace RouteSim.Results.Calibration;

/// <summary>
/// One fitted parameter as written in parameters.csv and the manifest; with intervals, its approximate 95% interval
/// from the loss's curvature (normal on the search scale, mapped back between the bounds; null without).
/// </summary>
public sealed record FittedParameter(string Name, string Path, double Min, double Max, string Scale, double Start, double Fitted,
    double? CiLow = null, double? CiHigh = null);
