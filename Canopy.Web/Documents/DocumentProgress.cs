using Canopy.Contracts.Documents;

namespace Canopy.Web.Documents;

public static class DocumentProgress
{
    /// <summary>The bar's percentage: full once ready, empty while queued, else what canopy-rag reports (kept within 0–100).</summary>
    public static int Percent(DocumentInfo d) => d.Status switch
    {
        DocumentStatus.Ready => 100,
        DocumentStatus.Queued => 0,
        _ => Math.Clamp(d.Progress, 0, 100),
    };
}
