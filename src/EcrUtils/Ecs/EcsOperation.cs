namespace EcrUtils.Ecs;

/// <summary>The ECS operations the client calls, as they appear in <c>X-Amz-Target</c> and in IAM actions (<c>ecs:NAME</c>).</summary>
internal static class EcsOperation
{
    public const string ListClusters = nameof(ListClusters);
    public const string ListServices = nameof(ListServices);
    public const string DescribeServices = nameof(DescribeServices);
    public const string ListTasks = nameof(ListTasks);
    public const string DescribeTasks = nameof(DescribeTasks);
    public const string DescribeTaskDefinition = nameof(DescribeTaskDefinition);
}
