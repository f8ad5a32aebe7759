"""mgpt: train, sample, fine-tune and ground a character-level GPT, in NumPy, from the shell."""

__version__ = "0.1.0"
