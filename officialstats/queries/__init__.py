"""One loader per page, returning plain data in a fixed number of queries."""
