using EcrUtils.Ecr;
using EcrUtils.Operations;

namespace EcrUtils.Tests.Reporting;

/// <summary>A batch whose every id the answer mentions, classified as the deletion run classifies it.</summary>
internal static class AnsweredBatch
{
    public static BatchOutcome Of(BatchDeleteResult answer)
    {
        IReadOnlyList<ImageId> sent =
        [
            .. answer.Deleted.Select(d => d.Tag is not null ? ImageId.ForTag(d.Tag) : ImageId.ForDigest(d.Digest!)),
            .. answer.Failures.Select(f => f.ImageId),
        ];
        return BatchAnswer.Classify(sent, answer, _ => null);
    }
}
