"""``python -m tracker`` runs the same CLI as ``gnss-tracker``."""

from tracker.cli import main

if __name__ == "__main__":
    main(prog_name="gnss-tracker")
