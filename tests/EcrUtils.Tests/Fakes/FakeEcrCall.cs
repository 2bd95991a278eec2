using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>One call the fake received: its operation, its number among calls of that operation (from 1), its body.</summary>
internal sealed record FakeEcrCall(string Operation, int Number, JsonObject Body, string Authorization, string AmzDate);
