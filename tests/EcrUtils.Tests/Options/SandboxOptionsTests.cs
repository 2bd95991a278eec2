using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class SandboxOptionsTests
{
    [Theory]
    [InlineData(EcrTask.GetLatestImages)]
    [InlineData(EcrTask.DeleteOldestImages)]
    [InlineData(EcrTask.DeleteAllImages)]
    public void Sandbox_IsAccepted_ByEveryEcrTask(EcrTask task)
    {
        string[] confirm = task == EcrTask.DeleteAllImages ? ["confirm=automation-master"] : [];
        var sut = EcrOptionsParser.Parse(Arguments.Of(["environment=automation-master", "all-repositories", "sandbox", .. confirm]));

        var error = Record.Exception(() => sut.Validate(task));

        Assert.True(sut.Sandbox);
        Assert.Null(error);
    }

    [Fact]
    public void Sandbox_IsOff_WhenNotGiven()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=automation-master"));

        Assert.False(sut.Sandbox);
    }

    [Fact]
    public void Sandbox_StillNeedsConfirm_ForDeleteAllImages_AndSaysSo()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=automation-3f2a9c1d", "all-repositories", "sandbox"));

        var error = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.DeleteAllImages));

        Assert.Contains("--confirm=automation-3f2a9c1d", error.Message, StringComparison.Ordinal);
        Assert.Contains("The sandbox asks for it too", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_RejectsRegistryId_BecauseTheSandboxHasOneRegistry()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=automation-master", "all-repositories", "sandbox", "registry-id=210987654321"));

        var error = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.GetLatestImages));

        Assert.Contains("--registry-id does not apply to --sandbox", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistryId_IsAccepted_WithoutSandbox()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=automation-master", "all-repositories", "registry-id=210987654321"));

        sut.Validate(EcrTask.GetLatestImages);

        Assert.Equal("210987654321", sut.RegistryId);
    }
}
