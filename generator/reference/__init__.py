"""Reference data the plans cite or name: the regulation catalog, the official areas and komponen
of PermenPANRB 90/2021, Kemendagri's regions, the official terms and months (with their near-miss
matchers), and their data files."""
