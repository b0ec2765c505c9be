using System.Runtime.InteropServices;

namespace Canopy.Rag.VectorStore.Embedded;

// Calls into the C library that the Cloud.Unum.USearch package ships: its managed wrapper exposes neither filtered search
// nor the thread and memory settings a server needs.
internal static partial class USearchNative
{
    private const string Library = "libusearch_c";

    public enum MetricKind : uint { Unknown = 0, Cos = 1, InnerProduct = 2, L2Squared = 3 }

    public enum ScalarKind : uint { Unknown = 0, Float32 = 1, Float64 = 2, Float16 = 3, Int8 = 4 }

    [StructLayout(LayoutKind.Sequential)]
    public struct InitOptions
    {
        public MetricKind MetricKind;
        public nint Metric;
        public ScalarKind Quantization;
        public nuint Dimensions;
        public nuint Connectivity;
        public nuint ExpansionAdd;
        public nuint ExpansionSearch;
        public byte Multi;
    }

    [LibraryImport(Library, EntryPoint = "usearch_init")]
    public static partial nint Init(ref InitOptions options, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_free")]
    public static partial void Free(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_save", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Save(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Load(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_view", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void View(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_size")]
    public static partial nuint Size(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_capacity")]
    public static partial nuint Capacity(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_dimensions")]
    public static partial nuint Dimensions(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_reserve")]
    public static partial void Reserve(nint index, nuint capacity, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_search")]
    public static partial void ChangeThreadsSearch(nint index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_search")]
    public static partial void ChangeExpansionSearch(nint index, nuint expansion, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_add")]
    public static unsafe partial void Add(nint index, ulong key, float* vector, ScalarKind kind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_contains")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool Contains(nint index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_remove")]
    public static partial nuint Remove(nint index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_get")]
    public static unsafe partial nuint Get(nint index, ulong key, nuint count, float* vector, ScalarKind kind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_search")]
    public static unsafe partial nuint Search(nint index, float* query, ScalarKind kind, nuint count, ulong* keys, float* distances, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_filtered_search")]
    public static unsafe partial nuint FilteredSearch(
        nint index, float* query, ScalarKind kind, nuint count, delegate* unmanaged<ulong, nint, int> filter, nint state,
        ulong* keys, float* distances, out nint error);

    /// <summary>Throws when the last call reported an error (the library returns a static message, never freed).</summary>
    public static void Check(nint error, string operation)
    {
        if (error != 0) throw new InvalidOperationException($"USearch {operation} failed: {Marshal.PtrToStringUTF8(error)}");
    }
}
