class MgptError(Exception):
    """A mistake in the user's input: the CLI prints the message on one line and exits 2.

    The message says what is wrong and what to do about it. Anything else raised is a bug.
    """


class AgreedStop(MgptError):
    """An error every rank raises at the same point, decided from numbers they all share (a
    reduced loss): under MPI the job then ends in order, rank 0 saying why and every rank
    exiting 2, instead of through MPI Abort."""


class StoreUnavailable(MgptError):
    """The document store (a Milvus server) cannot be reached or does not answer in time: no
    fault of the request, and the same request may work later. The CLI prints it as any
    MgptError; the server answers 503 with Retry-After and reports it in /health."""
