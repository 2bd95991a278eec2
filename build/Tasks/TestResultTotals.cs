using System.Globalization;
using System.Xml.Linq;

namespace Build.Tasks;

/// <summary>Adds up the counters of TRX result files.</summary>
internal sealed record TestResultTotals(int Passed, int Failed, int Skipped)
{
    public static TestResultTotals Read(IEnumerable<string> trxFiles)
    {
        int passed = 0, failed = 0, total = 0, executed = 0;
        foreach (var file in trxFiles)
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null)
            {
                continue;
            }

            passed += Count(counters, "passed");
            failed += Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted");
            total += Count(counters, "total");
            executed += Count(counters, "executed");
        }

        return new TestResultTotals(passed, failed, total - executed);
    }

    private static int Count(XElement counters, string name) =>
        int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
}
