namespace EcrUtils.Tests.Fakes;

/// <summary>
/// The client under test broke a rule of the ECR API that real ECR would not report clearly (or would act on
/// dangerously, like an image id with both tag and digest). The fake throws it and records it in
/// <see cref="FakeEcr.Violations"/>, so a test fails even if the code under test swallows exceptions.
/// </summary>
public sealed class ContractViolationException : Exception
{
    public ContractViolationException()
    {
    }

    public ContractViolationException(string message)
        : base(message)
    {
    }

    public ContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
