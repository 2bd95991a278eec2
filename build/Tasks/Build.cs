using Build.Hosting;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Build;

namespace Build.Tasks;

[TaskName(nameof(Build))]
[TaskDescription("Builds the library and the test projects.")]
public sealed class Build : FrostingTask<EcrContext>
{
    public override void Run(EcrContext context)
    {
        foreach (var project in TestProjects.All)
        {
            context.DotNetBuild(project, new DotNetBuildSettings { Configuration = TestProjects.Configuration });
        }
    }
}
