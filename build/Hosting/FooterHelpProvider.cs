using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Build.Hosting;

/// <summary>The command line's help, with what the host adds after Cake's own switches (the tool's arguments).</summary>
internal sealed class FooterHelpProvider(ICommandAppSettings settings, Func<IEnumerable<IRenderable>> footer) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
        [.. base.GetFooter(model, command), .. footer()];
}
