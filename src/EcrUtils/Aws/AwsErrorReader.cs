using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace EcrUtils.Aws;

/// <summary>
/// Turns an error answer of any service into an <see cref="AwsServiceException"/>. ECR and ECS answer JSON (<c>__type</c>,
/// <c>message</c>) plus an <c>X-Amzn-Errortype</c> header; gateways and emulators may answer XML or HTML instead, which
/// must not crash us.
/// </summary>
internal static partial class AwsErrorReader
{
    public static AwsServiceException Read(string operation, HttpStatusCode statusCode, HttpResponseHeaders headers, string? mediaType, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        var (jsonCode, jsonMessage) = ReadJson(text);
        var (xmlCode, xmlMessage) = ReadXml(text);
        var code = jsonCode ?? ReadErrorTypeHeader(headers) ?? xmlCode ?? $"HttpStatus{(int)statusCode}";
        var message = jsonMessage ?? xmlMessage ?? DescribeBody(statusCode, mediaType, text);
        return new AwsServiceException(CleanCode(code), SecretRedactor.Redact(message), statusCode, operation);
    }

    private static (string? Code, string? Message) ReadJson(string text)
    {
        if (!text.StartsWith('{'))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (GetString(document.RootElement, "__type"),
                GetString(document.RootElement, "message") ?? GetString(document.RootElement, "Message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (string? Code, string? Message) ReadXml(string text)
    {
        if (!text.StartsWith('<'))
        {
            return (null, null);
        }

        try
        {
            // DTDs are refused, so an HTML page with a doctype lands in the catch below.
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var document = XDocument.Load(reader);
            return (FirstValue(document, "Code"), FirstValue(document, "Message"));
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }

    private static string? FirstValue(XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? ReadErrorTypeHeader(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-Amzn-Errortype", out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;

    // "com.amazonaws.ecr#RepositoryNotFoundException" and "RepositoryNotFoundException:http://internal..." both mean
    // RepositoryNotFoundException: https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization
    private static string CleanCode(string code)
    {
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        code = SafeCode().Replace(code.Trim(), string.Empty);
        return code.Length is > 0 and <= 100 ? code : "UnknownError";
    }

    private static string DescribeBody(HttpStatusCode statusCode, string? mediaType, string text)
    {
        var what = $"the service answered HTTP {(int)statusCode} {statusCode}";
        if (text.Length == 0)
        {
            return $"{what} with an empty body";
        }

        var title = HtmlTitle().Match(text);
        var summary = title.Success ? title.Groups[1].Value : MarkupTag().Replace(text, " ");
        summary = Whitespace().Replace(summary, " ").Trim();
        if (summary.Length > 200)
        {
            summary = string.Concat(summary.AsSpan(0, 200), "…");
        }

        return $"{what} with a {mediaType ?? "untyped"} body that is not an AWS error document: {summary}";
    }

    [GeneratedRegex("[^A-Za-z0-9._-]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SafeCode();

    [GeneratedRegex("<title[^>]*>([^<]*)</title>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
