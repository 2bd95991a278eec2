using Build.Hosting;
using Cake.Core;

namespace Build.Tests.Hosting;

/// <summary>A task that Cake.Frosting would find: it is public.</summary>
public sealed class PublicTask : FrostingTask<ICakeContext>;
