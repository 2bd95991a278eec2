using System.Reflection;

namespace EcrUtils.IntegrationTests;

/// <summary>The folder holding EcrUtils.sln, found from the test assembly's location.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "EcrUtils.sln";

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        // Built with an artifacts path outside the repository: the project file recorded where it was.
        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value;
        return recorded is not null && File.Exists(Path.Combine(recorded, SolutionFile))
            ? Path.GetFullPath(recorded)
            : throw new InvalidOperationException(
                $"No {SolutionFile} above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");
    }
}
