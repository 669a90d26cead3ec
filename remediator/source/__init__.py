"""Read and discover: which files a run takes (``discovery``), how each is configured (``config``),
and turning a file's bytes into a parsed tree (``reading``)."""
