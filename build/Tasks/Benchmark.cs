using Build.Hosting;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Run;

namespace Build.Tasks;

[TaskName(nameof(Benchmark))]
[TaskDescription("Measures API calls, wall time and peak memory of the tasks against a simulated ECR with 30 ms latency (see BENCHMARKS.md).")]
public sealed class Benchmark : FrostingTask<EcrContext>
{
    // Release, unlike the tests: the numbers are meant to be those of a real run.
    public override void Run(EcrContext context) =>
        context.DotNetRun("tests/EcrUtils.Benchmarks/EcrUtils.Benchmarks.csproj", new DotNetRunSettings { Configuration = "Release" });
}
