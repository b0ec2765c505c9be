using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Canopy.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(Canopy.Benchmarks.SearchBenchmarks).Assembly).Run(args);
