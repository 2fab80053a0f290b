// libvips keeps one error buffer per process, and messages decide some error codes (a missing HEVC
// decoder). The sandboxed worker runs one job at a time; these tests do the same, or one test's
// decoder errors would show up in another's exception.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
