"""Many inputs: map ``tasks.process_file`` over files (``local`` processes, or ``dask`` on a cluster) and hand the
FileResults to the single writer (``claimscope.store.writer.write_results``). A task never
touches the store."""
from claimscope.runner.local import run_local
from claimscope.runner.tasks import FileResult, process_file

__all__ = ["FileResult", "process_file", "run_local"]
