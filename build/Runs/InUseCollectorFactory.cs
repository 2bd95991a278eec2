using EcrUtils.InUse;
using EcrUtils.Options;

namespace Build.Runs;

/// <summary>The in-use check's collector for a run, sharing the ECR client's connection; null when the check is off.</summary>
public delegate IInUseCollector? InUseCollectorFactory(EcrOptions options);
