"""Reference data the plans cite: the regulation catalog and the official areas and komponen of
PermenPANRB 90/2021, with their data files."""
