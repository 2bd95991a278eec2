using Build.Hosting;
using Spectre.Console;

namespace Build.Tasks;

[TaskName(nameof(Default))]
[TaskDescription("Lists the tasks and how to run them.")]
public sealed class Default : FrostingTask<EcrContext>
{
    public override void Run(EcrContext context)
    {
        var tasks = new Table().AddColumns("Task", "What it does");
        tasks.AddRow(nameof(GetLatestImages), "Newest image of an environment per repository, pinned by digest.");
        tasks.AddRow(nameof(DeleteOldestImages), "Delete an environment's older images, keeping the --keep newest (2).");
        tasks.AddRow(nameof(DeleteAllImages), "Delete every image of an environment (needs --confirm=<environment>).");
        tasks.AddRow(nameof(Build), "Build the library and the tests.");
        tasks.AddRow(nameof(Test), "Run the unit, contract and integration tests.");
        tasks.AddRow(nameof(Benchmark), "Measure API calls, wall time and memory at scale (BENCHMARKS.md).");
        context.Console.Write(tasks);
        context.Console.WriteLine("""

            Usage: ./build.sh --target=<Task> --environment=<name> (--repository=<name>[,<name>] | --all-repositories) [options]
              ./build.sh --target=GetLatestImages --environment=automation-master --repository=api
              ./build.sh --target=DeleteOldestImages --environment=automation-master --all-repositories --preview
              ./build.sh --target=DeleteAllImages --environment=automation-3f2a9c1d --all-repositories --confirm=automation-3f2a9c1d
            Every argument is described in README.md; --description lists the tasks, --help Cake's own switches.
            """);
    }
}
