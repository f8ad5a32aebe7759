"""mgpt: train, sample, fine-tune and ground a character-level GPT, in NumPy, from the shell."""

__version__ = "0.1.0"

from .distributed import limit_blas_threads  # noqa: E402

limit_blas_threads()  # under mpiexec, before NumPy loads its BLAS: ranks must not each take every core
