"""Data-parallel training under MPI: which rank this process is, and the few collectives needed.

`mpiexec -n 4 mgpt train ...` starts four copies of one command. The launcher announces the
world in environment variables; mgpt reads them first and imports mpi4py only when there is
more than one rank, so a single-process run never loads MPI (nor needs it installed).

This module imports nothing heavy at the top: mgpt/__init__.py calls limit_blas_threads()
before NumPy loads its BLAS.
"""

import os
import sys
import time

from .errors import MgptError

# how MPICH, Intel MPI, MVAPICH (Hydra or a PMI launcher such as srun) and Open MPI announce
# the world's size and the number of ranks on this machine
SIZE_VARIABLES = ("PMI_SIZE", "OMPI_COMM_WORLD_SIZE")
LOCAL_SIZE_VARIABLES = ("MPI_LOCALNRANKS", "OMPI_COMM_WORLD_LOCAL_SIZE")
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

_world = None


def _env_int(names):
    for name in names:
        value = os.environ.get(name, "").strip()
        if value.isdigit():
            return int(value)
    return None


def launched_size():
    """How many ranks the launcher started: 1 outside MPI."""
    return _env_int(SIZE_VARIABLES) or 1


def limit_blas_threads():
    """Under MPI, each rank gets cores // (ranks on this machine) BLAS threads, unless the user chose.

    N ranks that each start one BLAS thread per core would oversubscribe the machine N times.
    """
    if launched_size() <= 1 or any(name in os.environ for name in THREAD_VARIABLES):
        return
    for name in THREAD_VARIABLES:
        os.environ[name] = str(cores_per_rank())


def cores_per_rank():
    """The cores this process may use, shared evenly by the ranks on this machine (1 rank outside MPI)."""
    size = launched_size()
    local = (_env_int(LOCAL_SIZE_VARIABLES) or size) if size > 1 else 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cores // local)


def blas_threads():
    """The BLAS thread count the environment asks for (what a note tells the user), or None."""
    for name in THREAD_VARIABLES:
        if os.environ.get(name):
            return f"{os.environ[name]} ({name})"
    return None


class Single:
    """The world of a process that runs alone: every collective is the identity."""

    rank, size, is_root = 0, 1, True

    def allreduce(self, buffer):
        pass

    def bcast(self, buffer):
        pass

    def bcast_object(self, value):
        return value

    def gather(self, value):
        return [value]

    def first_signal(self, signum):
        return signum

    def barrier(self):
        pass

    def check_same(self, facts):
        pass

    def abort(self, code):
        pass


class MPIWorld:
    """MPI.COMM_WORLD behind the same few calls. Buffers are NumPy arrays, reduced in place."""

    def __init__(self, MPI):
        self.MPI, self.comm = MPI, MPI.COMM_WORLD
        self.rank, self.size = self.comm.Get_rank(), self.comm.Get_size()
        self.is_root = self.rank == 0

    def allreduce(self, buffer):
        """Sums buffer over every rank, in place; every rank gets the same bytes."""
        self.comm.Allreduce(self.MPI.IN_PLACE, buffer, op=self.MPI.SUM)

    def bcast(self, buffer):
        """Overwrites buffer with rank 0's."""
        self.comm.Bcast(buffer, root=0)

    def bcast_object(self, value):
        return self.comm.bcast(value, root=0)

    def gather(self, value):
        """Every rank's value, in rank order, on rank 0 (None elsewhere)."""
        return self.comm.gather(value, root=0)

    def barrier(self):
        self.comm.Barrier()

    def first_signal(self, signum):
        """The signal to stop on, or None: as soon as any rank got one, every rank stops at the same
        step (the launcher forwards a signal to all ranks, but not at the same moment)."""
        import numpy as np  # loaded by now; this module must not load it first (limit_blas_threads)

        flags = np.array([signum is not None, signum or 0], dtype=np.float64)
        self.allreduce(flags)
        signalled = int(flags[0])
        return (signum or int(flags[1]) // signalled) if signalled else None

    def check_same(self, facts):
        """Refuses to train when ranks were given different runs: their models would not even match.

        facts: {what: value} that must be equal on every rank (corpus fingerprint, options, ...).
        """
        every = self.comm.allgather(facts)
        for what, value in facts.items():
            differ = [rank for rank, other in enumerate(every) if other.get(what) != every[0].get(what)]
            if differ:
                raise MgptError(f"rank {differ[0]} has another {what} than rank 0; every rank must run "
                                "the same command on the same files")

    def abort(self, code):
        """Ends every rank: one that only exited would leave the others blocked in a collective."""
        sys.stdout.flush()
        sys.stderr.flush()
        time.sleep(0.2)  # the launcher forwards output asynchronously: let it take the message first
        self.comm.Abort(code)


def world():
    """This process's world, created on first use: MPI when launched as several ranks."""
    global _world
    if _world is None:
        size = launched_size()
        if size == 1:
            _world = Single()
        else:
            try:
                from mpi4py import MPI
            except ImportError:
                raise MgptError(f"launched as {size} MPI ranks, but mpi4py is not installed; "
                                "install it with pip install 'mgpt[mpi]'") from None
            _world = MPIWorld(MPI)
            if _world.size != size:
                raise MgptError(f"the launcher started {size} ranks but MPI sees {_world.size}: mpiexec and "
                                "mpi4py come from different MPI libraries; use the mpiexec installed with "
                                "mgpt[mpi] (beside this python)")
    return _world


def root_first(world, make):
    """make() on rank 0, then on every other rank, which finds what rank 0 made (a prepared corpus
    in a cache every rank sees) instead of making it again at the same time."""
    if world.is_root:
        result = make()
    world.barrier()
    if not world.is_root:
        result = make()
    return result


def joined():
    """The world if one was created, else None (for error paths, which must not create one)."""
    return _world
