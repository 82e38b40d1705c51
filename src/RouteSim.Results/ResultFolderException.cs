namespace RouteSim.Results;

/// <summary>A results folder cannot be written as asked.</summary>
public sealed class ResultFolderException(string message) : Exception(message);
