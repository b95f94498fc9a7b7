"""zi: Keputusan Rencana Aksi Zona Integritas KPU dari satu berkas YAML."""

__version__ = "0.1.0"
