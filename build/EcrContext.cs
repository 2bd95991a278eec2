using Build.Hosting;
using Cake.Core;

namespace Build;

public sealed class EcrContext(ICakeContext context) : FrostingContext(context)
{
}
