using Build.Hosting;
using Build.Output;
using Spectre.Console;

namespace Build.Tasks;

[TaskName(nameof(Default))]
[TaskDescription("Lists the tasks and how to run them.")]
public sealed class Default : FrostingTask<EcrContext>
{
    public override void Run(EcrContext context)
    {
        if (Console.IsOutputRedirected)
        {
            // As the run's own output: whole lines in a log, where nothing sets a width.
            context.Console.Profile.Width = ConsoleReport.RedirectedWidth;
        }

        context.Console.WriteLine("""
            Usage: ./build.sh --target=<Task> --environment=<name> (--repository=<name>[,<name>] | --all-repositories) [options]
              ./build.sh --target=GetLatestImages --environment=automation-master --repository=api
              ./build.sh --target=DeleteOldestImages --environment=automation-master --all-repositories --preview
              ./build.sh --target=DeleteAllImages --environment=automation-3f2a9c1d --all-repositories --confirm=automation-3f2a9c1d
            """);
        foreach (var part in CommandLineHelp.Render())
        {
            context.Console.Write(part);
        }

        context.Console.WriteLine();
        context.Console.WriteLine("--help lists Cake's own switches too (--verbosity, --dryrun, ...).");
    }
}
