// Model runs use every core already; parallel test classes would only contend.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
