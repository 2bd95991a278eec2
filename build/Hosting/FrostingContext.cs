using Cake.Core;

namespace Build.Hosting;

/// <summary>The base of a build's context, as in Cake.Frosting.</summary>
public abstract class FrostingContext(ICakeContext context) : CakeContextAdapter(context);
