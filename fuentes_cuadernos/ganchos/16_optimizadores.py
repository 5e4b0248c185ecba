"""Ganchos de 16_optimizadores: las constantes de la cuadrática mal condicionada, tomadas de sus casos."""
from autograder.calificadores.optimizadores.casos_minimizar import (  # noqa: F401  ({valor:...} del cuaderno)
    OBJETIVO_RELATIVO, PASOS_MAL_CONDICIONADA, TASA_ADAM_MAL_CONDICIONADA)
