using Build.Hosting;
using Cake.Core;

namespace Build.Tests.Hosting;

/// <summary>A task that Cake.Frosting would not find: it is internal.</summary>
internal sealed class InternalTask : FrostingTask<ICakeContext>;
