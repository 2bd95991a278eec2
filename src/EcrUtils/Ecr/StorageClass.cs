namespace EcrUtils.Ecr;

/// <summary>The target storage classes of UpdateImageStorageClass.</summary>
public static class StorageClass
{
    /// <summary>Archive the image.</summary>
    public const string Archive = "ARCHIVE";

    /// <summary>Restore an archived image.</summary>
    public const string Standard = "STANDARD";
}
