using System.Net;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Results;
using EcrUtils.Tests.Fakes;
using EcrUtils.Tests.FaultInjection;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Reporting;

/// <summary>
/// The report's schema version 1, pinned byte for byte on a run that has every kind of entry (kept, failed, removed,
/// shared, in use, children, a companion, a failed repository): report-schema-v1.json is what the writer wrote before
/// the report became a projection of the run's result.
/// </summary>
public sealed class ReportSchemaTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Report_OfARepresentativeRun_IsTheSchemaVersion1Document_ByteForByte()
    {
        var ecr = _fixture.Ecr;
        ecr.AddRepository("api");
        ecr.AddIndex("api", "old", ["automation-master-1"], OperationFixture.At(1), [FakeEcr.Digest("old-amd64"), FakeEcr.Digest("shared-arm64")]);
        _fixture.Push("api", 0, "automation-master-0", "other-0");
        var signed = _fixture.Push("api", 2, "automation-master-2");
        _fixture.PushSeeded("api", "signature", 2, CompanionTags.For(signed, "sig"));
        _fixture.Push("api", 3, "automation-master-3");
        _fixture.Push("api", 4, "automation-master-4");
        _fixture.Push("api", 5, "automation-master-5", "automation-master-latest");
        ecr.AddIndex("api", "new", ["automation-master-6"], OperationFixture.At(6), [FakeEcr.Digest("new-amd64"), FakeEcr.Digest("shared-arm64")]);
        ecr.AddRepository("web");
        ecr.Faults.When = call => call.Operation == "DescribeImages" && call.Body["repositoryName"]?.GetValue<string>() == "web"
            ? FakeEcrFault.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not allowed")
            : null;
        var client = WrappedFakeClient.Create(ecr, inner => new TagFailureHandler(inner, "automation-master-3", "KmsError", "The KMS key is disabled."));
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories", "--keep=1", "--max-parallel=1", "--protect-tag=^keep-", "--registry-id=123456789012", "--region=us-east-1");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);

        await new DeleteImagesOperation(client, report, FakeInUseCollector.Using(("api:automation-master-4", "prod/api")))
            .RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        report.Complete(RunStatus.PartialFailure);

        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Reporting", "report-schema-v1.json"));
        Assert.Equal(expected, await File.ReadAllTextAsync(report.Path));
    }
}
