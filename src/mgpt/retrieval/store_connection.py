"""Opening the chunk store and how its failures read: Milvus Lite's folder checks, the client,
and the wording of an error.

pymilvus is imported here and only when a store is opened, so the rest of mgpt never pays for
it. Every failure that comes from the environment (no such database, a database another
process holds, an unreachable server) is raised as MgptError with what to do about it; a
server that cannot be reached, or does not answer within its timeout, as StoreUnavailable (a
server answers 503 and retries may work; anything else is a mistake to fix). pymilvus' own log
lines are silenced so the CLI prints one line.
"""

import contextlib
import logging
import os

from ..errors import MgptError, StoreUnavailable
from ..options import either, flag

CONNECT_TIMEOUT = 5.0  # seconds: an unreachable server is an error, not a hang
PING_TIMEOUT = 2.0  # seconds: a readiness check (serve's /health)


def _import_pymilvus():
    try:
        import pymilvus
    except ImportError:
        raise MgptError("the retrieval commands need pymilvus and milvus-lite: "
                        "pip install 'mgpt[rag]'") from None
    for name in ("pymilvus", "milvus_lite", "grpc"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    return pymilvus


def check_local_db(path, must_exist):
    """Refuses a db path that Milvus Lite cannot use, before it starts (and litters)."""
    db = flag("db")
    if not path.endswith(".db"):
        raise MgptError(f"{db} {path}: a Milvus Lite database name must end with .db (e.g. kb.db)")
    if os.path.exists(path) and not os.path.isdir(path):
        raise MgptError(f"{path}: is a file, not a Milvus Lite database (milvus-lite 3 keeps a .db as a folder); "
                        f"choose another {db}")
    if not os.path.exists(path):
        if must_exist:
            raise MgptError(f"{path}: no such database; build it first with: "
                            + either(f"mgpt index DOCS --db {path}", f"KnowledgeBase(db={path!r}).index(DOCS)"))
        parent = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(parent):
            raise MgptError(f"{path}: folder {parent} does not exist; create it or choose another {db}")
        return
    if os.listdir(path) and not os.path.isdir(os.path.join(path, "collections")):
        raise MgptError(f"{path}: a folder that is not a Milvus Lite database; choose another {db}")
    _check_unlocked(path)


def _check_unlocked(path):
    """Milvus Lite lets one process open a database: say so plainly if another one has it."""
    lock = os.path.join(path, "LOCK")
    if not os.path.exists(lock):
        return
    import fcntl

    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError as e:
        raise MgptError(f"{path}: cannot open its LOCK file ({e.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        raise MgptError(f"{path}: the database is open in another process (Milvus Lite allows one at a time); "
                        f"stop that process, or serve it with `milvus-lite server --data-dir {path}` "
                        f"and pass {flag('uri')}") from None
    finally:
        os.close(fd)


def _arrow_pool_that_gives_back():
    """Milvus Lite 3 runs in this process and reads its segments through pyarrow, whose default
    pool (mimalloc) keeps the buffers that decoding freed; the C library's gives them back. A whole `ask`
    on 40,000 chunks peaked at 840 MB with it against 970-1,150 (docs/BENCHMARKS.md). A pool the
    user chose (ARROW_DEFAULT_MEMORY_POOL) stays."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    try:
        import pyarrow  # milvus-lite's own dependency; without it, MilvusClient says what is missing
    except ImportError:
        return
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def connect(location, create=False):
    """(client, pymilvus) for a Location; with create=False the database must exist (retrieve, ask)."""
    if location.db:
        check_local_db(location.db, must_exist=not create)
    pymilvus = _import_pymilvus()
    if location.db:
        _arrow_pool_that_gives_back()
    uri = location.db if location.db else location.uri
    try:
        client = pymilvus.MilvusClient(uri=uri, token=location.token, timeout=CONNECT_TIMEOUT)
    except pymilvus.MilvusException as e:
        message = getattr(e, "message", None) or str(e)
        if location.db:
            raise MgptError(f"{location.db}: cannot open the Milvus Lite database ({message})") from None
        raise StoreUnavailable(f"cannot reach Milvus at {location.uri} within {CONNECT_TIMEOUT:g} s ({message}); "
                               f"check {either('--uri (or MGPT_MILVUS_URI)', 'uri')} and that the server is running") from None
    return client, pymilvus


def unreachable(error, pymilvus):
    """Whether a pymilvus or gRPC error means the server is down or silent (not a bad request):
    no connection (pymilvus' CONNECT_FAILED), gRPC's UNAVAILABLE, or no answer by the deadline
    (raised as gRPC's own error, or wrapped by pymilvus after its retries)."""
    import grpc

    codes = (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED)
    if isinstance(error, grpc.RpcError):
        return error.code() in codes
    return (isinstance(error, (pymilvus.exceptions.ConnectError, pymilvus.exceptions.MilvusUnavailableException))
            or error.code == pymilvus.Status.CONNECT_FAILED or error.code in codes)


class StoreConnection:
    """Store's connection (store.py): every call to Milvus runs inside _errors, which words its
    failure; the other parts of Store use it through self."""

    @contextlib.contextmanager
    def _errors(self, doing):
        import grpc  # pymilvus' own transport: a call that times out raises its error as it is

        try:
            yield
        except (self._pm.MilvusException, grpc.RpcError) as e:
            if unreachable(e, self._pm):
                if self.location.db:
                    raise StoreUnavailable(f"the Milvus Lite database {self.location.db} did not answer in time "
                                           f"({doing}); the machine may be too busy: retry, or serve a large base "
                                           f"from a Milvus server (--uri)") from None
                raise StoreUnavailable(f"Milvus at {self.location.describe()} cannot be reached ({doing}); check that "
                                       f"the server is running, or retry shortly") from None
            message = getattr(e, "message", None) or str(e)
            raise MgptError(f"Milvus at {self.location.describe()}: {doing} failed: {message}") from None

    def exists(self):
        with self._errors("listing collections"):
            return self.client.has_collection(self.name)

    def ping(self):
        """Raises StoreUnavailable unless the server answers within PING_TIMEOUT."""
        with self._errors("a readiness check"):
            self.client.has_collection(self.name, timeout=PING_TIMEOUT)

    def close(self):
        try:
            self.client.close()
        except Exception:  # closing a connection that already failed: nothing to save
            pass
        if self.location.db:
            from milvus_lite.server_manager import server_manager_instance

            server_manager_instance.release_server(self.location.db)  # releases the LOCK now
