namespace FirstLine.Bot.Commands;

/// <summary>An option a command accepts: <c>--name value</c> (or <c>--name=value</c>), or a switch <c>--name</c>.</summary>
/// <param name="Name">without the dashes</param>
/// <param name="TakesValue">false for a switch</param>
/// <param name="Required">must be given at least once</param>
/// <param name="Repeatable">may be given more than once</param>
internal sealed record CommandOption(string Name, bool TakesValue, bool Required = false, bool Repeatable = false)
{
    public static CommandOption Value(string name, bool required = false, bool repeatable = false) => new(name, true, required, repeatable);

    public static CommandOption Switch(string name) => new(name, false);
}
