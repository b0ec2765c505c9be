// Each collection starts its own AppHost; two starting and ingesting at once on a 2-core machine starve the
// browser tests' deadlines, so the collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
