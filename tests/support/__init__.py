"""What the test modules share, so that no test module imports another: plain helpers and test
data here (tests/conftest.py holds the shared fixtures, which pytest finds by name)."""
