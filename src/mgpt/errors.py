class MgptError(Exception):
    """A mistake in the user's input: the CLI prints the message on one line and exits 2.

    The message says what is wrong and what to do about it. Anything else raised is a bug.
    """
