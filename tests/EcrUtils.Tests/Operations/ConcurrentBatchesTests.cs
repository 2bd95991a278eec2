using EcrUtils.Operations;
using EcrUtils.Options;

namespace EcrUtils.Tests.Operations;

public sealed class ConcurrentBatchesTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task DeleteOldest_SendsOneRepositorysBatchesAtTheSameTime_AndRecordsEveryOne()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 402; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        // The first batch waits until a second one is in flight: sent one after the other, the run would time out here.
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fixture.Ecr.BeforeCall = async call =>
        {
            if (call.Operation == "BatchDeleteImage" && call.Number == 1)
            {
                await second.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            else if (call.Operation == "BatchDeleteImage")
            {
                second.TrySetResult();
            }
        };
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--max-parallel=4");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var result = Assert.Single(_fixture.Results);

        Assert.Equal(["automation-master-401", "automation-master-402"], _fixture.Tags("api"));
        Assert.False(result.HasFailures);
        Assert.Equal(400, result.DeletedImages.Count);
        Assert.Equal(400, report.Document.Repositories[0].TagsRemoved);
        Assert.Equal(4, _fixture.Ecr.CallCount("BatchDeleteImage"));
    }
}
