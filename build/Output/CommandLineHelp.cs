using System.Reflection;
using Build.Hosting;
using EcrUtils.Options;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Build.Output;

/// <summary>
/// The tasks and the tool's own arguments, one line each, as <c>--help</c> and <c>./build.sh</c> without a target
/// show them: the tasks as the host finds them, the arguments from the parser's names (<see cref="ArgumentHelp"/>).
/// </summary>
internal static class CommandLineHelp
{
    public static IEnumerable<IRenderable> Render() =>
    [
        Heading("TASKS (--target=TASK):"),
        Lines(TaskRegistration.FindTasks(typeof(CommandLineHelp).Assembly)
            .Select(task => (TaskRegistration.GetName(task), task.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? string.Empty))
            .OrderBy(task => task.Item1, StringComparer.Ordinal)),
        Heading("ECRUTILS ARGUMENTS (details in README.md):"),
        Lines(ArgumentHelp.Lines),
    ];

    private static Text Heading(string text) => new(Environment.NewLine + text + Environment.NewLine);

    private static Grid Lines(IEnumerable<(string Name, string Meaning)> lines)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(4).PadRight(2)).AddColumn();
        foreach (var (name, meaning) in lines)
        {
            grid.AddRow(Markup.Escape(name), Markup.Escape(meaning));
        }

        return grid;
    }
}
