namespace Canopy.Web.Documents;

public static class DocumentProgress
{
    /// <summary>canopy-rag reports whole percentages; a fraction below 1 (0.4) is read as a share and scaled.</summary>
    public static int Percent(DocumentInfo d)
    {
        if (d.Status == "ready") return 100;
        if (d.Status == "queued" || d.Progress is not { } p) return 0;
        var percent = p is > 0 and < 1 ? p * 100 : p;
        return (int)Math.Clamp(percent, 0, 100);
    }
}
