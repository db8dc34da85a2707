"""GNSS Interference Tracker: a sourced, geocoded dataset of GNSS jamming and spoofing incidents."""

__version__ = "0.1.0"
